import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';

/**
 * A Choice state's own `Assign` applies whichever rule matches (AWS: "You can also specify an
 * Assign block at the state level that applies regardless of which choice rule matches"), with the
 * matched rule's `Assign` on top (the rule wins per name); its `Output` applies unless the rule
 * has one of its own.
 */

describe('Choice: the state-level Assign and Output when a rule matches', () => {
  it('JSONata: assigns both the state and the rule names, the rule winning a shared name', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Condition: '{% $states.input.n > 10 %}', Assign: { sign: 'big', shared: 'big rule' }, Output: { from: 'rule' }, Next: 'Out' },
            { Condition: '{% $states.input.n > 0 %}', Assign: { sign: 'positive', shared: 'rule' }, Next: 'Out' },
          ],
          Default: 'Other',
          Assign: { seen: '{% $states.input.n %}', shared: 'state' },
          Output: { from: 'state' },
        },
        Out: {
          Type: 'Pass',
          Output: { seen: '{% $seen %}', sign: '{% $sign %}', shared: '{% $shared %}', input: '{% $states.input %}' },
          End: true,
        },
        Other: { Type: 'Pass', Output: { seen: '{% $seen %}', shared: '{% $shared %}', input: '{% $states.input %}' }, End: true },
      },
    };
    const positive = await runWorkflow(definition, { input: { n: 3 } });
    expect(positive).toMatchObject({ status: 'SUCCEEDED' });
    expect(positive.output).toEqual({ seen: 3, sign: 'positive', shared: 'rule', input: { from: 'state' } });

    const big = await runWorkflow(definition, { input: { n: 30 } });
    expect(big.output).toEqual({ seen: 30, sign: 'big', shared: 'big rule', input: { from: 'rule' } });

    const negative = await runWorkflow(definition, { input: { n: -3 } });
    expect(negative.output).toEqual({ seen: -3, shared: 'state', input: { from: 'state' } });
  });

  it('JSONPath: assigns both the state and the rule names (a `name.$` key and a `name` key are one name)', async () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            {
              Variable: '$.n',
              NumericGreaterThan: 0,
              Assign: { 'sign.$': "States.Format('positive {}', $.n)", shared: 'rule' },
              Next: 'Out',
            },
          ],
          Default: 'Other',
          Assign: { 'seen.$': '$.n', 'shared.$': '$.label' },
        },
        Out: { Type: 'Pass', Parameters: { 'seen.$': '$seen', 'sign.$': '$sign', 'shared.$': '$shared' }, End: true },
        Other: { Type: 'Pass', Parameters: { 'seen.$': '$seen', 'shared.$': '$shared' }, End: true },
      },
    };
    const positive = await runWorkflow(definition, { input: { n: 3, label: 'state' } });
    expect(positive).toMatchObject({ status: 'SUCCEEDED' });
    expect(positive.output).toEqual({ seen: 3, sign: 'positive 3', shared: 'rule' });

    const negative = await runWorkflow(definition, { input: { n: -3, label: 'state' } });
    expect(negative.output).toEqual({ seen: -3, shared: 'state' });
  });
});
