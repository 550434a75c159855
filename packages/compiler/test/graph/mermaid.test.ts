import { describe, expect, it } from 'vitest';
import { readStateGraph, renderGraph, toMermaid } from '../../src/graph/index.js';
import { escapeLabel } from '../../src/graph/mermaid.js';
import { reference } from './fixtures.js';

// Mermaid itself parses and renders these in headless Chromium: test/e2e/graph/browser.test.ts.
describe('toMermaid', () => {
  it('draws the stock trader (seed 002) as a top-down flowchart', () => {
    expect(toMermaid(readStateGraph(reference('002-1.asl.json')))).toBe(`flowchart TD
  m_start(["Start"])
  s1("Check Stock Value<br/><small>Task · \${StockCheckerFunctionArn}</small>")
  s2{"Buy or Sell?<br/><small>Choice</small>"}
  s3("Buy Stock<br/><small>Task · \${StockBuyerFunctionArn}</small>")
  s4("Sell Stock<br/><small>Task · \${StockSellerFunctionArn}</small>")
  s5("Record Transaction<br/><small>Task · \${DDBPutItem}</small>")
  m_end(["End"])
  m_start --> s1
  s1 --> s2
  s2 -->|"$.stock_price #lt;= 50"| s3
  s2 -->|"Default"| s4
  s3 --> s5
  s4 --> s5
  s5 --> m_end
  classDef marker fill:#232f3e,stroke:#232f3e,color:#ffffff
  classDef succeed fill:#e9f7ec,stroke:#1d8102
  classDef fail fill:#fdecea,stroke:#d13212
  classDef missing fill:#ffffff,stroke:#d13212,stroke-dasharray:4 3,color:#d13212
  classDef container fill:#f8f8f8,stroke:#687078
  classDef branch fill:#ffffff,stroke:#aab7b8,stroke-dasharray:4 3
  class m_start,m_end marker
`);
  });

  it('nests a Parallel state’s branches and a Map’s processor as subgraphs, and dots Catch edges', () => {
    const text = toMermaid(
      readStateGraph({
        StartAt: 'Fan out',
        States: {
          'Fan out': {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'One', States: { One: { Type: 'Pass', End: true } } },
              { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Two', States: { Two: { Type: 'Pass', End: true } } }, End: true } } },
            ],
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
            End: true,
          },
          Failed: { Type: 'Fail', Error: 'Boom' },
        },
      }),
    );
    expect(text).toContain(`  subgraph s1 ["Fan out<br/><small>Parallel</small>"]
    direction TB
    subgraph s3 ["Branch 1"]
      direction TB
      s4("One<br/><small>Pass</small>")
    end
    subgraph s5 ["Branch 2"]
      direction TB
      subgraph s6 ["Each<br/><small>Map</small>"]
        direction TB
        s7("Two<br/><small>Pass</small>")
      end
    end
  end
  s2("Failed<br/><small>Fail · Boom</small>")`);
    expect(text).toContain('  s1 -.->|"States.ALL"| s2\n');
    expect(text).toContain('  class s2 fail\n');
    expect(text).toContain('  class s3,s5 branch\n');
  });

  it('escapes what Mermaid would read as syntax, HTML, entities, comments or Markdown', () => {
    expect(escapeLabel('Say "hi" <b>#1</b> & 100% `code` {% $x %}')).toBe(
      'Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; 100#37; #96;code#96; {#37; $x #37;}',
    );
    expect(escapeLabel('two\nlines')).toBe('two lines');
  });

  it('keeps ids apart from labels, so a state may be named "end", "subgraph" or anything', () => {
    const text = toMermaid(readStateGraph({ StartAt: 'end', States: { end: { Type: 'Pass', Next: 'subgraph' }, subgraph: { Type: 'Succeed' } } }));
    expect(text).toContain('  s1("end<br/><small>Pass</small>")\n  s2("subgraph<br/><small>Succeed</small>")');
    expect(text).toContain('  s2 --> m_end\n');
  });

  it('puts a long JSONata condition on one line and cuts it', () => {
    const condition = `{% $states.input.items[price > 10 and category = 'books'].quantity\n   ~> $sum() > ${'9'.repeat(200)} %}`;
    const text = toMermaid(readStateGraph({ StartAt: 'C', States: { C: { Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: condition, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } }));
    const line = text.split('\n').find((l) => l.startsWith('  s1 -->|"$states'))!;
    expect(line).toMatch(/^ {2}s1 -->\|"\$states\.input\.items\[price #gt; 10 and category = 'books'\]\.quantity ~#gt; \$sum\(\) #gt; 9+…"\| s2$/);
  });

  it('is what renderGraph gives for "mermaid"', async () => {
    const definition = reference('003-4.asl.json');
    expect(await renderGraph(definition, 'mermaid', { title: 'x' })).toBe(toMermaid(readStateGraph(definition)));
  });
});
