import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderGraph } from '@typestep/compiler';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, REFERENCE_ASL, REPO, runCli, tempDir } from '../../../packages/cli/test/support/run-cli.js';
import type { BrowserGlobals } from './browser-globals.js';
import { launchChromium } from './chromium.js';

const CORPUS = join(REPO, '../shared/corpus/defs');
const MERMAID_JS = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** Seed machines with every feature the drawing has: Choice and loops, Parallel, Map, Fail. */
const SEEDS = ['000-1', '001-1', '001-2-dynamic-3-buckets', '002-1', '003-3', '003-4'];

/** Every state name, nested ones included, read straight from the JSON. */
function stateNames(machine: unknown): string[] {
  const states = (machine as { States?: Record<string, { Branches?: unknown[]; ItemProcessor?: unknown; Iterator?: unknown }> }).States ?? {};
  return Object.entries(states).flatMap(([name, state]) =>
    typeof state === 'object' && state !== null ? [name, ...(state.Branches ?? []).flatMap(stateNames), ...(state.ItemProcessor || state.Iterator ? stateNames(state.ItemProcessor ?? state.Iterator) : [])] : [],
  );
}

const squash = (text: string) => text.replace(/\s+/g, '');

let context: BrowserContext;
let close: () => Promise<void>;
let out: string;

beforeAll(async () => {
  ({ context, close } = await launchChromium());
  out = await tempDir('typestep-graph-pages-');
}, 60_000);

afterAll(async () => {
  await close?.();
  await cleanup();
});

/** Opens a file, recording every request the page makes and every error it logs. */
async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => void requests.push(request.url()));
  page.on('pageerror', (error) => void errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, errors };
}

describe('typestep graph --format html, in headless Chromium', () => {
  it.each(SEEDS)('%s: the page renders offline, shows every state name, and every text fits its box', async (seed) => {
    const asl = join(REFERENCE_ASL, `${seed}.asl.json`);
    const file = join(out, `${seed}.html`);
    const result = await runCli(['graph', asl, '--format', 'html', '--out', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const { page, requests, errors } = await open(file);
    try {
      const screenshot = join(out, `${seed}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      const png = await readFile(screenshot);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);

      // Nothing but the page itself was requested, and nothing went wrong.
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(errors).toEqual([]);

      // Every state's name is on the page, as text a person reads (a long name may wrap over lines).
      const definition = JSON.parse(await readFile(asl, 'utf8')) as unknown;
      const texts = await page.locator('svg text.name').allTextContents();
      const pageText = squash(await page.locator('body').innerText());
      for (const name of stateNames(definition)) {
        expect(texts.map(squash), name).toContain(squash(name));
        expect(pageText).toContain(squash(name));
      }
      expect(await page.locator('h1').innerText()).toBe(seed);

      // Laid out without a browser, measured by one: each text lies inside its shape.
      const misfits = await page.evaluate(() => {
        const { document } = globalThis as unknown as BrowserGlobals;
        return [...document.querySelectorAll('svg g[data-id], svg g.label')].flatMap((group) => {
          const shape = group.querySelector(':scope > rect, :scope > polygon');
          if (!shape) return [];
          const box = shape.getBBox();
          return [...group.querySelectorAll(':scope > text')].flatMap((text) => {
            const t = text.getBBox();
            const fits = t.x >= box.x - 0.5 && t.y >= box.y - 0.5 && t.x + t.width <= box.x + box.width + 0.5 && t.y + t.height <= box.y + box.height + 0.5;
            return fits ? [] : [`${text.textContent} (${Math.round(t.width)} px in ${Math.round(box.width)} px)`];
          });
        });
      });
      expect(misfits).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens the standalone SVG as a well-formed SVG document', async () => {
    const file = join(out, 'trader.svg');
    expect((await runCli(['graph', join(REFERENCE_ASL, '002-1.asl.json'), '--out', file])).code).toBe(0);
    const { page, requests, errors } = await open(file);
    try {
      const root = await page.evaluate(() => {
        const { document } = globalThis as unknown as BrowserGlobals;
        return [document.documentElement.namespaceURI, document.documentElement.localName, document.getElementsByTagName('parsererror').length];
      });
      expect(root).toEqual([
        'http://www.w3.org/2000/svg',
        'svg',
        0,
      ]);
      expect(await page.locator('text.name').allTextContents()).toEqual(expect.arrayContaining(['Check Stock Value', 'Buy or Sell?', 'Record Transaction']));
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('typestep graph --format mermaid, read by Mermaid itself (in Chromium)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_JS });
    await page.evaluate(() => (globalThis as unknown as BrowserGlobals).mermaid.initialize({ startOnLoad: false }));
  }, 60_000);
  afterAll(() => page?.close());

  const parse = (text: string) =>
    page.evaluate(async (source) => {
      try {
        await (globalThis as unknown as BrowserGlobals).mermaid.parse(source);
        return 'ok';
      } catch (error) {
        return String((error as Error).message ?? error);
      }
    }, text);

  it('parses the flowchart of every seed machine and every corpus definition', async () => {
    const files = [
      ...readdirSync(REFERENCE_ASL).filter((f) => f.endsWith('.asl.json')).map((f) => join(REFERENCE_ASL, f)),
      ...readdirSync(CORPUS).filter((f) => f.endsWith('.json')).map((f) => join(CORPUS, f)),
    ];
    expect(files.length).toBe(9 + 182);
    const failures: string[] = [];
    for (const file of files) {
      const text = await renderGraph(JSON.parse(await readFile(file, 'utf8')), 'mermaid', { title: basename(file) });
      const verdict = await parse(text);
      if (verdict !== 'ok') failures.push(`${basename(file)}: ${verdict}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('rejects a broken flowchart (the oracle can say no)', async () => {
    expect(await parse('flowchart TD\n  a("unclosed --> b\n')).not.toBe('ok');
  });

  it('renders names and conditions with awkward characters as written', async () => {
    const awkward = 'Say "hi" <b>#1</b> & 100% `x` {% $y %}';
    const text = await renderGraph(
      {
        StartAt: awkward,
        States: {
          [awkward]: { Type: 'Choice', Choices: [{ Variable: '$.price', NumericLessThanEquals: 50, Next: 'end' }], Default: 'subgraph' },
          end: { Type: 'Succeed' },
          subgraph: { Type: 'Fail', Error: 'Too<much>' },
        },
      },
      'mermaid',
      { title: 'awkward' },
    );
    const rendered = await page.evaluate(async (source) => {
      const { document, mermaid } = globalThis as unknown as BrowserGlobals;
      const { svg } = await mermaid.render('awkward', source);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      document.body.append(holder);
      return [...holder.querySelectorAll('.node, .edgeLabel')].map((element) => element.textContent ?? '');
    }, text);
    expect(rendered).toContain(`${awkward}Choice`);
    expect(rendered).toContain('endSucceed');
    expect(rendered).toContain('subgraphFail · Too<much>');
    expect(rendered).toContain('$.price <= 50');
    expect(rendered).toContain('Default');
  });
});
