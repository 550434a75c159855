import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';

/** JSONata states ($states, Arguments, Output, Condition…) and workflow variables with their scopes. */

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:work';

describe('JSONata', () => {
  it('evaluates Arguments from $states.input, and Output / Assign from $states.result', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Price',
      States: {
        Price: {
          Type: 'Task',
          Resource: FUNCTION,
          Arguments: { items: '{% $states.input.cart.qty %}', label: 'fixed', id: '{% $states.context.Execution.Name %}' },
          Output: { total: '{% $sum($states.result.prices) %}', count: '{% $count($states.input.cart) %}' },
          Assign: { firstPrice: '{% $states.result.prices[0] %}' },
          Next: 'Report',
        },
        Report: { Type: 'Pass', Output: '{% { "total": $states.input.total, "first": $firstPrice } %}', End: true },
      },
    };
    let received: unknown;
    const result = await runWorkflow(definition, {
      name: 'exec-1',
      input: { cart: [{ qty: 2 }, { qty: 3 }] },
      tasks: { work: (input) => ((received = input), { prices: [5, 7] }) },
    });
    expect(received).toEqual({ items: [2, 3], label: 'fixed', id: 'exec-1' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { total: 12, first: 5 } });
  });

  it("passes the input through a Pass state without Output, and evaluates Choice Conditions (a rule's Output, else the state's)", async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Keep',
      States: {
        Keep: { Type: 'Pass', Next: 'Decide' },
        Decide: {
          Type: 'Choice',
          Choices: [
            { Condition: '{% $states.input.n > 10 %}', Next: 'Big', Output: { size: 'big' } },
            { Condition: '{% $states.input.n > 5 %}', Next: 'Medium' },
          ],
          Default: 'Small',
          Output: { size: 'small' },
        },
        Big: { Type: 'Succeed' },
        Medium: { Type: 'Succeed' },
        Small: { Type: 'Succeed' },
      },
    };
    expect((await runWorkflow(definition, { input: { n: 11 } })).output).toEqual({ size: 'big' });
    // A matched rule without an Output of its own takes the state's Output.
    expect((await runWorkflow(definition, { input: { n: 7 } })).output).toEqual({ size: 'small' });
    expect((await runWorkflow(definition, { input: { n: 1 } })).output).toEqual({ size: 'small' });
  });

  it('fails a Condition that is not a boolean', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n %}', Next: 'S' }], Default: 'S' }, S: { Type: 'Succeed' } },
    };
    expect(await runWorkflow(definition, { input: { n: 3 } })).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });

  it('maps over JSONata Items with an ItemSelector that reads $states.context.Map.Item', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Items: '{% $states.input.words %}',
          ItemSelector: {
            word: '{% $states.context.Map.Item.Value %}',
            at: '{% $states.context.Map.Item.Index %}',
            suffix: '{% $states.input.suffix %}',
          },
          ItemProcessor: {
            StartAt: 'Join',
            States: {
              Join: { Type: 'Pass', Output: '{% $states.input.word & $states.input.suffix & $string($states.input.at) %}', End: true },
            },
          },
          Output: '{% $join($states.result, " ") %}',
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, { input: { words: ['a', 'b', 'c'], suffix: '-' } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'a-0 b-1 c-2' });
  });

  it('takes Wait seconds, Fail error and cause from expressions', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Wait', Seconds: '{% $states.input.delay * 2 %}', Next: 'Fail' },
        Fail: { Type: 'Fail', Error: '{% "Custom." & $states.input.kind %}', Cause: '{% "waited " & $string($states.input.delay * 2) %}' },
      },
    };
    const result = await runWorkflow(definition, { input: { delay: 30, kind: 'Stop' } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Custom.Stop', cause: 'waited 60' });
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(60_000);
  });

  it('offers the functions Step Functions adds: $partition, $range, $hash, $parse, $uuid, $random', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: {
          Type: 'Pass',
          Output: {
            partition: '{% $partition([1,2,3,4,5], 2) %}',
            range: '{% $range(0, 10, 5) %}',
            hash: '{% $hash("input data", "SHA-256") %}',
            parse: '{% $parse("{\\"a\\":[1]}") %}',
            uuid: '{% $uuid() %}',
            random: '{% $random() %}',
          },
          End: true,
        },
      },
    };
    const output = (await runWorkflow(definition)).output as Record<string, unknown>;
    expect(output).toMatchObject({
      partition: [[1, 2], [3, 4], [5]],
      range: [0, 5, 10],
      hash: createHash('sha256').update('input data').digest('hex'),
      parse: { a: [1] },
    });
    expect(output.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(output.random).toBeGreaterThanOrEqual(0);
    expect(output.random).toBeLessThan(1);
  });

  it('lets one state use JSONata inside a JSONPath state machine', async () => {
    const definition = {
      StartAt: 'Path',
      States: {
        Path: { Type: 'Pass', Parameters: { 'n.$': '$.n' }, Next: 'Ata' },
        Ata: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input.n * 3 %}', End: true },
      },
    };
    expect((await runWorkflow(definition, { input: { n: 4 } })).output).toBe(12);
  });
});

describe('variables', () => {
  it('assigns from the result (JSONPath: $ after ResultSelector) and reads $name in later states', async () => {
    const definition = {
      StartAt: 'Fetch',
      States: {
        Fetch: {
          Type: 'Task',
          Resource: FUNCTION,
          ResultSelector: { 'user.$': '$.body.user' },
          Assign: { 'userId.$': '$.user.id', source: 'api', 'when.$': '$$.State.Name' },
          ResultPath: null,
          Next: 'Check',
        },
        Check: { Type: 'Choice', Choices: [{ Variable: '$userId', NumericGreaterThan: 10, Next: 'Use' }], Default: 'Use' },
        Use: {
          Type: 'Pass',
          Parameters: {
            'id.$': '$userId',
            'source.$': '$source',
            'name.$': '$when',
            'upper.$': "States.Format('{}-{}', $source, $userId)",
          },
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, { input: { keep: true }, tasks: { work: () => ({ body: { user: { id: 42 } } }) } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { id: 42, source: 'api', name: 'Fetch', upper: 'api-42' } });
    const exited = result.events.find((e) => e.type === 'TaskStateExited')?.stateExitedEventDetails;
    expect(exited).toMatchObject({
      output: '{"keep":true}',
      assignedVariables: { userId: '42', source: '"api"', when: '"Fetch"' },
      assignedVariablesDetails: { truncated: false },
    });
  });

  it('evaluates Assign and Output with the values from before the state', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'One',
      States: {
        One: { Type: 'Pass', Assign: { x: 1 }, Next: 'Two' },
        Two: { Type: 'Pass', Assign: { x: '{% $x + 1 %}', y: '{% $x %}' }, Output: { x: '{% $x %}' }, Next: 'Three' },
        Three: { Type: 'Pass', Output: { x: '{% $x %}', y: '{% $y %}', before: '{% $states.input.x %}' }, End: true },
      },
    };
    expect((await runWorkflow(definition)).output).toEqual({ x: 2, y: 1, before: 1 });
  });

  it('gives Parallel branches and Map iterations their own scope that reads the outer one', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { base: 100, who: 'outer' }, Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'A1',
              States: {
                A1: { Type: 'Pass', Assign: { inner: 'branch A' }, Next: 'A2' },
                A2: { Type: 'Pass', Output: '{% $inner & " " & $who & " " & $string($base) %}', End: true },
              },
            },
            { StartAt: 'B1', States: { B1: { Type: 'Pass', Output: '{% $who %}', End: true } } },
          ],
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          Items: [1, 2, 3],
          ItemProcessor: {
            StartAt: 'Add',
            States: {
              Add: { Type: 'Pass', Assign: { mine: '{% $states.input + $base %}' }, Next: 'Read' },
              Read: { Type: 'Pass', Output: '{% $mine %}', End: true },
            },
          },
          Assign: { parallel: '{% $states.input %}' },
          Next: 'After',
        },
        After: { Type: 'Pass', Output: { who: '{% $who %}', mapped: '{% $states.input %}', parallel: '{% $parallel %}' }, End: true },
      },
    };
    const result = await runWorkflow(definition);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { who: 'outer', mapped: [101, 102, 103], parallel: ['branch A outer 100', 'outer'] },
    });
  });

  it("assigns in a catcher from the error output, instead of the state's own Assign", async () => {
    const definition = {
      StartAt: 'Try',
      States: {
        Try: {
          Type: 'Task',
          Resource: FUNCTION,
          Assign: { outcome: 'ok', why: 'none' },
          Catch: [
            { ErrorEquals: ['States.ALL'], Assign: { 'outcome.$': '$.Error', 'why.$': '$.Cause' }, ResultPath: null, Next: 'Report' },
          ],
          Next: 'Report',
        },
        Report: { Type: 'Pass', Parameters: { 'outcome.$': '$outcome', 'why.$': '$why' }, End: true },
      },
    };
    const result = await runWorkflow(definition, { mocks: { Try: { error: 'Broken', cause: 'it broke' } } });
    expect(result.output).toEqual({ outcome: 'Broken', why: 'it broke' });
    const succeeded = await runWorkflow(definition, { mocks: { Try: { result: 1 } } });
    expect(succeeded.output).toEqual({ outcome: 'ok', why: 'none' });
  });

  it('assigns from the matched Choice rule, or from the state when Default is taken', async () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Assign: { 'sign.$': "States.Format('positive {}', $.n)" }, Next: 'Out' }],
          Default: 'Out',
          Assign: { sign: 'not positive' },
        },
        Out: { Type: 'Pass', Parameters: { 'sign.$': '$sign' }, End: true },
      },
    };
    expect((await runWorkflow(definition, { input: { n: 3 } })).output).toEqual({ sign: 'positive 3' });
    expect((await runWorkflow(definition, { input: { n: -3 } })).output).toEqual({ sign: 'not positive' });
  });
});
