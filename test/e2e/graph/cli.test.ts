import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderGraph } from '@typestep/compiler';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, REFERENCE_ASL, REPO, runCli, tempDir, tempProject } from '../../../packages/cli/test/support/run-cli.js';

afterAll(cleanup);

const STOCK_TRADER = join(REFERENCE_ASL, '002-1.asl.json');

const workflowModule = (...names: string[]) =>
  `import { workflow } from '@typestep/dsl';\n\n${names
    .map((name, i) => `export const w${i} = workflow('${name}').pass('Hello ${name}', { result: { n: ${i} } }).succeed('Done');\n`)
    .join('')}`;

describe('typestep graph FILE.asl.json', () => {
  it('prints the Mermaid flowchart by default, the same as the library draws', async () => {
    const result = await runCli(['graph', STOCK_TRADER]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const definition = JSON.parse(await readFile(STOCK_TRADER, 'utf8')) as unknown;
    expect(result.stdout).toBe(await renderGraph(definition, 'mermaid', { title: '002-1' }));
  });

  it('--out writes the file (creating folders), says where, and prints nothing else', async () => {
    const dir = await tempDir();
    const result = await runCli(['graph', STOCK_TRADER, '--format', 'svg', '--out', 'nested/deeper/trader.svg'], dir);
    expect(result).toEqual({ code: 0, stdout: 'nested/deeper/trader.svg\n', stderr: '' });
    const svg = await readFile(join(dir, 'nested/deeper/trader.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>002-1</title>');
  });

  it('takes the format from the extension of --out when --format is not given', async () => {
    const dir = await tempDir();
    expect((await runCli(['graph', STOCK_TRADER, '--out', join(dir, 'page.html')])).code).toBe(0);
    expect(await readFile(join(dir, 'page.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect((await runCli(['graph', STOCK_TRADER, '-o', join(dir, 'chart.mmd')])).code).toBe(0);
    expect(await readFile(join(dir, 'chart.mmd'), 'utf8')).toMatch(/^flowchart TD\n/);
  });

  it.each([
    [['graph', 'no-such.asl.json'], 'typestep: cannot read no-such.asl.json: no such file'],
    [['graph', STOCK_TRADER, '--format', 'png'], `error: option '-f, --format <format>' argument 'png' is invalid. Allowed choices are mermaid, svg, html.`],
    [['graph'], "error: missing required argument 'workflow'"],
  ])('%j exits 2: %s', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a file that is not JSON, or not a state machine, saying why', async () => {
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'broken.json'), '{ "StartAt": ');
    await writeFile(join(dir, 'template.json'), JSON.stringify({ Resources: { Machine: { Type: 'AWS::StepFunctions::StateMachine' } } }));
    const broken = await runCli(['graph', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^typestep: broken\.json is not valid JSON: .+ \("typestep validate broken\.json" shows where\)\n$/);
    const template = await runCli(['graph', 'template.json', '--out', 'x.svg'], dir);
    expect(template.code).toBe(2);
    expect(template.stderr).toContain('typestep: template.json: the definition has no "States" object');
    expect(template.stderr).toContain('For a SAM or CloudFormation template, graph the state machine');
    await expect(readFile(join(dir, 'x.svg'))).rejects.toThrow();
  });
});

describe('typestep graph WORKFLOW', () => {
  it('draws a workflow of the project by name: the compiled StockTrader draws exactly like the seed machine', async () => {
    const byName = await runCli(['graph', 'StockTrader']);
    expect(byName.stderr).toBe('');
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe((await runCli(['graph', STOCK_TRADER])).stdout);
  });

  it('exits 2 on a name no workflow has, listing the ones there are', async () => {
    const result = await runCli(['graph', 'StockTrdaer']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^typestep: no workflow named "StockTrdaer" in this project; the workflows there are: .*"StockTrader".*\. To draw a file, give its path \(\*\.json or a workflow module\)\.\n$/);
  });

  it('looks names up in --project', async () => {
    const root = await tempProject({ 'tiny.workflow.ts': workflowModule('Tiny') });
    const result = await runCli(['graph', 'Tiny', '--project', root, '--format', 'mermaid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('("Hello Tiny<br/><small>Pass</small>")');
    const unknown = await runCli(['graph', 'StockTrader', '--project', root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no workflow named "StockTrader" in the project at ${root}; the workflows there are: "Tiny".`);
  });

  it('draws the one workflow a module exports, given its path', async () => {
    const root = await tempProject({ 'flows/one.workflow.ts': workflowModule('One') });
    const result = await runCli(['graph', 'flows/one.workflow.ts', '--out', 'one.html'], root);
    expect(result).toEqual({ code: 0, stdout: 'one.html\n', stderr: '' });
    const html = await readFile(join(root, 'one.html'), 'utf8');
    expect(html).toContain('<h1>One</h1>');
    expect(html).toContain('data-state="Hello One"');
  });

  it('exits 2 when a module exports several workflows or none, naming them', async () => {
    const root = await tempProject({ 'two.workflow.ts': workflowModule('Left', 'Right'), 'none.workflow.ts': 'export const answer = 42;\n' });
    const two = await runCli(['graph', 'two.workflow.ts'], root);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('typestep: two.workflow.ts exports 2 workflows ("Left", "Right"): give the name of the one to draw, e.g. typestep graph "Left"\n');
    expect((await runCli(['graph', 'Right'], root)).stdout).toContain('Hello Right');
    const none = await runCli(['graph', 'none.workflow.ts'], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('typestep: none.workflow.ts exports no workflow (a chain started with workflow(name, …))\n');
    const missing = await runCli(['graph', 'gone.workflow.ts'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('typestep: cannot read gone.workflow.ts: no such file\n');
  });

  it('exits 1 when the module throws while loading', async () => {
    const root = await tempProject({ 'bad.workflow.ts': `throw new Error('no config for this stage');\n` });
    const result = await runCli(['graph', 'bad.workflow.ts'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('typestep: bad.workflow.ts failed to load: no config for this stage\n');
    const byName = await runCli(['graph', 'Anything'], root);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toContain('bad.workflow.ts failed to load (looking for a workflow named "Anything"): no config for this stage');
  });

  it('draws a workflow with problems anyway, and says so', async () => {
    const root = await tempProject({
      'dangling.workflow.ts': `import { unsafeTarget, eq, workflow } from '@typestep/dsl';\n\nexport const w = workflow('Dangling').choice('Pick', (c) => c.when(($) => eq($.x, 1), unsafeTarget('Nowhere')).otherwise((b) => b.succeed('Done')));\n`,
    });
    const result = await runCli(['graph', 'Dangling'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^typestep: note: workflow "Dangling" has (a problem|\d+ problems); "typestep build" lists them\. Drawn as compiled\.\n$/);
    expect(result.stdout).toContain('["Nowhere (missing)"]');
  });
});

describe('typestep --help', () => {
  it('lists graph, and graph --help describes the formats', async () => {
    expect((await runCli(['--help'], REPO)).stdout).toMatch(/graph \[options\] <workflow>\s+draw a state machine as Mermaid, SVG or\s+an HTML page/);
    const help = await runCli(['graph', '--help'], REPO);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('-f, --format <format>');
    expect(help.stdout).toContain('(choices: "mermaid", "svg", "html")');
  });
});
