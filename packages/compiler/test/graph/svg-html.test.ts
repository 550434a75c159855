import { describe, expect, it } from 'vitest';
import { renderGraph } from '../../src/graph/index.js';
import { escapeXml } from '../../src/graph/svg.js';
import { reference, referenceFiles, stateNames } from './fixtures.js';

/** Everything an SVG or page could load from elsewhere. */
const EXTERNAL = /<script|<image|<img|<link|<iframe|@import|@font-face|\bhref=|xlink:|url\((?!#arrow-)/i;

describe('SVG', () => {
  it.each(referenceFiles)('%s: a standalone SVG with a group per state, nothing external', async (file) => {
    const definition = reference(file);
    const svg = await renderGraph(definition, 'svg', { title: file });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img" aria-label="[^"]+">\n<title>/);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(svg).not.toMatch(EXTERNAL);
    for (const name of stateNames(definition)) expect(svg).toContain(`data-state="${escapeXml(name)}"`);
    expect(svg.match(/<g class="marker"/g)).toHaveLength(2);
  });

  it('draws Catch edges dashed in their own colour, and labels them', async () => {
    const svg = await renderGraph(
      { StartAt: 'Try', States: { Try: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.Timeout', 'Custom'], Next: 'Handle' }], End: true }, Handle: { Type: 'Fail' } } },
      'svg',
      { title: 't' },
    );
    expect(svg).toMatch(/<g class="edge catch" data-id="e\d+" data-from="s1" data-to="s2"><title>States\.Timeout, Custom<\/title><path d="M[\d.,LM]+" marker-end="url\(#arrow-catch\)"\/><\/g>/);
    expect(svg).toContain('.edge.catch>path{stroke:#d13212;stroke-dasharray:6 4}');
    expect(svg).toMatch(/<tspan[^>]*>States\.Timeout, Custom<\/tspan>/);
    expect(svg).toContain('<g class="state Fail" data-id="s2" data-state="Handle">');
  });

  it('escapes names and labels as XML', async () => {
    const name = 'Check <price> & "stock" \u0001';
    const svg = await renderGraph(
      { StartAt: name, States: { [name]: { Type: 'Choice', Choices: [{ Variable: '$.a', StringEquals: '<b>', Next: 'Done' }], Default: 'Done' }, Done: { Type: 'Succeed' } } },
      'svg',
      { title: 'a < b' },
    );
    expect(svg).toContain('data-state="Check &lt;price&gt; &amp; &quot;stock&quot; \ufffd"');
    expect(svg).toMatch(/<tspan[^>]*>Check &lt;price&gt; &amp; &quot;stock&quot; \ufffd<\/tspan>/);
    expect(svg).toContain('<title>$.a == &quot;&lt;b&gt;&quot;</title>');
    expect(svg).toContain('aria-label="a &lt; b"');
    expect(svg).not.toContain('<price>');
  });

  it('is the same, byte for byte, every time', async () => {
    const definition = reference('001-2-dynamic-3-buckets.asl.json');
    expect(await renderGraph(definition, 'svg', { title: 'x' })).toBe(await renderGraph(structuredClone(definition), 'svg', { title: 'x' }));
  });
});

describe('HTML page', () => {
  it('wraps the SVG in a self-contained page that may fetch nothing', async () => {
    const definition = reference('002-1.asl.json');
    const [html, svg] = await Promise.all([renderGraph(definition, 'html', { title: 'StockTrader' }), renderGraph(definition, 'svg', { title: 'StockTrader' })]);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain('<title>StockTrader · state machine</title>');
    expect(html).toContain('<h1>StockTrader</h1>\n<p>A state machine that does mock stock trading.</p>');
    expect(html).toContain(`<main>\n${svg}</main>`);
    expect(html).not.toMatch(EXTERNAL);
  });

  it('escapes the title and the comment', async () => {
    const html = await renderGraph({ Comment: '<script>alert(1)</script>', StartAt: 'A', States: { A: { Type: 'Succeed' } } }, 'html', { title: 'A & B' });
    expect(html).toContain('<h1>A &amp; B</h1>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).not.toContain('<script>');
  });
});
