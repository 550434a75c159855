import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { errors, expectDiagnostic, expectNoCode, machine, show, validate, type Expected } from './helpers.js';

const expectOne = (diagnostics: readonly Diagnostic[], expected: Expected): Diagnostic => expectDiagnostic(diagnostics, expected);

const task = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  End: true,
  ...extra,
});
const pass = (extra: Record<string, unknown> = {}) => ({ Type: 'Pass', End: true, ...extra });

describe('valid definitions', () => {
  it('accepts every state type with its usual fields', () => {
    const definition = machine({
      Start: { Type: 'Pass', Result: { a: 1 }, ResultPath: '$.r', Next: 'Work' },
      Work: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: 'f',
          'Payload.$': '$',
          'At.$': '$$.Execution.StartTime',
          'Message.$': "States.Format('Hi {}', $.name)",
        },
        ResultSelector: { 'body.$': '$.Payload' },
        ResultPath: '$.result',
        OutputPath: '$',
        InputPath: '$.0',
        TimeoutSeconds: 300,
        HeartbeatSeconds: 60,
        Retry: [
          {
            ErrorEquals: ['Lambda.ServiceException'],
            IntervalSeconds: 2,
            MaxAttempts: 6,
            BackoffRate: 2,
            MaxDelaySeconds: 30,
            JitterStrategy: 'FULL',
          },
          { ErrorEquals: ['States.ALL'] },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        Next: 'Decide',
      },
      Decide: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.result.body.price', NumericLessThanEquals: 50, Next: 'Wait a bit' },
          { And: [{ Variable: '$.x', IsPresent: true }, { Not: { Variable: '$.x', StringMatches: 'log-*.txt' } }], Next: 'Fan out' },
          { Variable: '$.when', TimestampLessThan: '2016-03-14T01:59:00Z', Next: 'Done' },
        ],
        Default: 'Done',
      },
      'Wait a bit': { Type: 'Wait', Seconds: 10, Next: 'Decide' },
      'Fan out': {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'あいうえお', States: { あいうえお: { Type: 'Pass', End: true } } },
          { StartAt: 'Buy or Sell?', States: { 'Buy or Sell?': { Type: 'Succeed' } } },
        ],
        Next: 'Each',
      },
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'item.$': '$$.Map.Item.Value' },
        MaxConcurrency: 1,
        ItemProcessor: { StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', TimestampPath: '$.until', End: true } } },
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      Failed: { Type: 'Fail', Error: 'Oops', Cause: 'Something broke' },
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('accepts a JSONata state machine with variables (spec example)', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Get Greeting',
      States: {
        'Get Greeting': { Type: 'Pass', Assign: { outer: 'hello', timeout: 30, delay: 5 }, Next: 'Greet Everyone' },
        'Greet Everyone': {
          Type: 'Map',
          Items: '{% $states.input.people %}',
          ItemProcessor: {
            StartAt: 'Begin',
            States: {
              Begin: { Type: 'Pass', Assign: { inner: 'world', hi: '{% $outer %}' }, Next: 'End' },
              End: { Type: 'Succeed', Output: '{% $hi %}' },
            },
          },
          Assign: { outer: 2 },
          Next: 'Call',
        },
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' },
          Output: '{% $states.result.Payload %}',
          TimeoutSeconds: '{% $timeout %}',
          Catch: [{ ErrorEquals: ['States.ALL'], Output: { error: '{% $states.errorOutput %}' }, Next: 'Goodbye' }],
          Next: 'Route',
        },
        Route: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: { big: true }, Next: 'Goodbye' }],
          Default: 'Goodbye',
        },
        Goodbye: { Type: 'Wait', Seconds: '{% $delay %}', Next: 'Stop' },
        Stop: { Type: 'Fail', Error: '{% $states.input.Error %}', Cause: 'x' },
      },
    };
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('accepts a Distributed Map with ItemReader, ItemBatcher, ResultWriter and ProcessorConfig', () => {
    const definition = machine({
      Process: {
        Type: 'Map',
        Label: 'Process',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 100 },
          Parameters: { Bucket: 'b', 'Key.$': '$.key' },
        },
        ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { 'run.$': '$$.Execution.Name' } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'out' } },
        ToleratedFailurePercentage: 5,
        MaxConcurrency: 100,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Handle',
          States: { Handle: task() },
        },
        End: true,
      },
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('accepts JSONPath variables: Assign with .$ keys and $name paths', () => {
    const definition = machine({
      Remember: { Type: 'Pass', Assign: { 'total.$': '$.order.total', fixed: 3 }, Next: 'Use' },
      Use: {
        Type: 'Pass',
        Parameters: { 'sum.$': '$total', 'doubled.$': 'States.MathAdd($total, $total)' },
        InputPath: '$total',
        End: true,
      },
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('accepts a whole-string placeholder where a number belongs (substituted at deployment)', () => {
    const definition = machine({ Sleep: { Type: 'Wait', Seconds: '${ReminderTimeout}', End: true } });
    expect(errors(validate(definition)), show(validate(definition))).toEqual([]);
  });

  it('accepts state names with spaces, punctuation and Japanese, up to 80 characters', () => {
    const long = 'x'.repeat(80);
    const definition = machine({
      'Buy or Sell?': pass({ End: undefined, Next: 'あいうえお' }),
      あいうえお: pass({ End: undefined, Next: long }),
      [long]: pass(),
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });
});

describe('STEP101 duplicate state names', () => {
  it('reports a name used at the top level and inside a Parallel branch', () => {
    const diagnostics = validate(
      machine({
        Work: pass({ End: undefined, Next: 'Split' }),
        Split: { Type: 'Parallel', Branches: [{ StartAt: 'Work', States: { Work: pass() } }], End: true },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP101',
      location: ['States', 'Split', 'Branches', 0, 'States', 'Work'],
      statePath: 'Flow > Split > Branches[0] > Work',
      includes: ['"Work"', 'first at Flow > Work', 'unique', 'rename'],
    });
  });

  it('reports a name used in two Map processors', () => {
    const map = (name: string, next?: string) => ({
      Type: 'Map',
      ItemProcessor: { StartAt: 'Item', States: { Item: pass() } },
      ...(next ? { Next: next } : { End: true }),
    });
    const diagnostics = validate(machine({ A: map('A', 'B'), B: map('B') }));
    expectOne(diagnostics, {
      code: 'STEP101',
      location: ['States', 'B', 'ItemProcessor', 'States', 'Item'],
      includes: ['"Item"', 'Flow > A > ItemProcessor > Item'],
    });
  });
});

describe('STEP102 / STEP103 state name limits', () => {
  it('reports a name over 80 characters', () => {
    const name = 'あ'.repeat(81);
    const diagnostics = validate(machine({ [name]: pass() }));
    expectOne(diagnostics, { code: 'STEP102', location: ['States', name], includes: ['81 characters', 'at most 80', 'Shorten'] });
  });

  it('reports a control character in a name', () => {
    const diagnostics = validate(machine({ 'Line\nBreak': pass() }));
    expectOne(diagnostics, {
      code: 'STEP103',
      location: ['States', 'Line\nBreak'],
      includes: ['U+000A', 'control character', 'Remove it'],
    });
  });

  it('reports an empty name', () => {
    const diagnostics = validate(machine({ '': pass() }));
    expectOne(diagnostics, { code: 'STEP103', location: ['States', ''], includes: ['empty name', '1 to 80'] });
  });
});

describe('STEP104 missing or unknown targets', () => {
  it('suggests the closest state for a misspelt Next', () => {
    const diagnostics = validate(machine({ Start: pass({ End: undefined, Next: 'Sucess' }), Success: { Type: 'Succeed' } }));
    expectOne(diagnostics, {
      code: 'STEP104',
      location: ['States', 'Start', 'Next'],
      statePath: 'Flow > Start > Next',
      includes: ['"Next" of Pass state "Start"', 'names "Sucess"', 'no state with that name', 'Did you mean "Success"?'],
    });
  });

  it('reports an unknown StartAt, listing the states when none is close', () => {
    const diagnostics = validate({ StartAt: 'Zzz', States: { Alpha: pass(), Beta: pass() } });
    expectOne(diagnostics, {
      code: 'STEP104',
      location: ['StartAt'],
      statePath: 'Flow > StartAt',
      includes: ['"StartAt" of the state machine', '"Zzz"', 'The states here are "Alpha" and "Beta"'],
    });
  });

  it('reports unknown Default, Choices[].Next and Catch[].Next', () => {
    const diagnostics = validate(
      machine({
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Nowhere' }], Default: 'Elsewhere' },
        Call: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handlr' }] }),
        Handler: pass(),
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP104',
      location: ['States', 'Pick', 'Choices', 0, 'Next'],
      includes: ['"Next" in Choices[0] of Choice state "Pick"', '"Nowhere"'],
    });
    expectOne(diagnostics, {
      code: 'STEP104',
      location: ['States', 'Pick', 'Default'],
      includes: ['"Default" of Choice state "Pick"', '"Elsewhere"'],
    });
    expectOne(diagnostics, {
      code: 'STEP104',
      location: ['States', 'Call', 'Catch', 0, 'Next'],
      includes: ['Catch[0]', 'Did you mean "Handler"?'],
    });
  });

  it('reports a top-level Choice rule without Next', () => {
    const diagnostics = validate(
      machine({ Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true }], Default: 'End' }, End: pass() }),
    );
    expectOne(diagnostics, {
      code: 'STEP104',
      location: ['States', 'Pick', 'Choices', 0],
      includes: ['Choices[0] of Choice state "Pick"', 'has no "Next"'],
    });
  });
});

describe('STEP105 transitions across Parallel branches and Map processors', () => {
  it('reports a branch state going to a state outside its branch', () => {
    const diagnostics = validate(
      machine({
        Split: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Inner', States: { Inner: pass({ End: undefined, Next: 'After' }) } }],
          Next: 'After',
        },
        After: pass(),
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP105',
      location: ['States', 'Split', 'Branches', 0, 'States', 'Inner', 'Next'],
      statePath: 'Flow > Split > Branches[0] > Inner > Next',
      includes: ['"After"', 'outside branch 0 of Parallel state "Split"', 'End "Inner" with "End": true', 'on the Parallel state "Split"'],
    });
  });

  it('reports a top-level state going into a Map processor', () => {
    const diagnostics = validate(
      machine({
        Jump: pass({ End: undefined, Next: 'Inner' }),
        Loop: { Type: 'Map', ItemProcessor: { StartAt: 'Inner', States: { Inner: pass() } }, End: true },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP105',
      location: ['States', 'Jump', 'Next'],
      includes: [
        '"Inner"',
        'inside the ItemProcessor of Map state "Loop"',
        'cannot transition into it',
        'Go to the Map state "Loop" instead',
      ],
    });
  });
});

describe('STEP106 / STEP107 reachability', () => {
  it('reports a state nothing leads to', () => {
    const diagnostics = validate(machine({ Start: pass(), Orphan: pass() }));
    expectOne(diagnostics, {
      code: 'STEP106',
      location: ['States', 'Orphan'],
      statePath: 'Flow > Orphan',
      includes: ['Pass state "Orphan" can never run', 'from "Start"'],
    });
  });

  it('reports a machine whose reachable states never end', () => {
    const diagnostics = validate(machine({ Ping: pass({ End: undefined, Next: 'Pong' }), Pong: pass({ End: undefined, Next: 'Ping' }) }));
    expectOne(diagnostics, {
      code: 'STEP107',
      location: [],
      statePath: 'Flow',
      includes: ['No execution of the state machine can end', '"End": true', 'Succeed or Fail'],
    });
  });

  it('reports a Parallel branch that never ends', () => {
    const diagnostics = validate(
      machine({
        Split: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Loop', States: { Loop: { Type: 'Wait', Seconds: 1, Next: 'Loop' } } }],
          End: true,
        },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP107',
      location: ['States', 'Split', 'Branches', 0],
      includes: ['branch 0 of Parallel state "Split"', 'can end'],
    });
  });
});

describe('STEP108 / STEP109 Next and End', () => {
  it('reports Next together with End: true', () => {
    const diagnostics = validate(machine({ Start: pass({ Next: 'Done' }), Done: { Type: 'Succeed' } }));
    expectOne(diagnostics, {
      code: 'STEP108',
      location: ['States', 'Start', 'End'],
      includes: ['both "Next" and "End": true', 'Remove "End"', '"Done"'],
    });
  });

  it('reports a state with neither Next nor End', () => {
    const diagnostics = validate(machine({ Start: { Type: 'Task', Resource: 'arn:aws:states:::x' } }));
    expectOne(diagnostics, {
      code: 'STEP109',
      location: ['States', 'Start'],
      includes: ['Task state "Start" has neither "Next" nor "End": true', 'Add "Next"'],
    });
  });
});

describe('STEP203–STEP207 structure', () => {
  it('reports a definition without StartAt and States', () => {
    const diagnostics = validate({ Comment: 'empty' });
    expectOne(diagnostics, {
      code: 'STEP203',
      location: ['StartAt'],
      includes: ['The state machine is missing the required field "StartAt"', 'first state'],
    });
    expectOne(diagnostics, { code: 'STEP203', location: ['States'], includes: ['missing the required field "States"'] });
  });

  it('reports a definition that is not an object', () => {
    expectOne(validate([1, 2]), { code: 'STEP204', location: [], includes: ['must be a JSON object', 'an array'] });
  });

  it('reports a state without Type, and a Task without Resource', () => {
    const diagnostics = validate(machine({ Start: { End: true, Next: undefined }, Call: { Type: 'Task', End: true } }));
    expectOne(diagnostics, {
      code: 'STEP203',
      location: ['States', 'Start', 'Type'],
      includes: ['State "Start" has no "Type"', '"Task", "Pass"'],
    });
    expectOne(diagnostics, {
      code: 'STEP203',
      location: ['States', 'Call', 'Resource'],
      includes: ['Task state "Call" is missing the required field "Resource"', 'ARN'],
    });
  });

  it('reports an unknown Type with a suggestion', () => {
    const diagnostics = validate(machine({ Start: { Type: 'task', Resource: 'x', End: true } }));
    expectOne(diagnostics, {
      code: 'STEP206',
      location: ['States', 'Start', 'Type'],
      includes: ['unknown Type "task"', 'Did you mean "Task"?'],
    });
  });

  it('reports values of the wrong type', () => {
    const diagnostics = validate(machine({ Start: task({ TimeoutSeconds: '30', Resource: 5 }) }, { QueryLanguage: 'jsonata' }));
    expectOne(diagnostics, {
      code: 'STEP204',
      location: ['States', 'Start', 'TimeoutSeconds'],
      includes: ['"TimeoutSeconds" of Task state "Start" must be an integer', 'but is the string "30"', 'to the number 30, without quotes'],
    });
    expectOne(diagnostics, { code: 'STEP204', location: ['States', 'Start', 'Resource'], includes: ['must be a string', 'the number 5'] });
    expectOne(diagnostics, {
      code: 'STEP204',
      location: ['QueryLanguage'],
      includes: ['one of "JSONPath", "JSONata"', 'Did you mean "JSONata"?'],
    });
  });

  it('reports a top-level field put inside States', () => {
    const diagnostics = validate({ StartAt: 'A', States: { QueryLanguage: 'JSONata', A: pass() } });
    expectOne(diagnostics, {
      code: 'STEP204',
      location: ['States', 'QueryLanguage'],
      includes: ['State "QueryLanguage" must be a JSON object', 'move it out of "States"'],
    });
  });

  it('reports an empty ErrorEquals', () => {
    const diagnostics = validate(machine({ Start: task({ Retry: [{ ErrorEquals: [] }] }) }));
    expectOne(diagnostics, {
      code: 'STEP204',
      location: ['States', 'Start', 'Retry', 0, 'ErrorEquals'],
      includes: ['in Retry[0] of Task state "Start"', 'at least one error name'],
    });
  });

  it.each([
    ['Retry', 'Pass', { Retry: [{ ErrorEquals: ['States.ALL'] }] }, 'Only Task, Parallel and Map states have "Retry"'],
    ['Catch', 'Pass', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Start' }] }, 'cannot fail'],
    ['ResultSelector', 'Pass', { ResultSelector: { a: 1 } }, 'no task result to select from'],
    ['Next', 'Fail', { Next: 'Start' }, 'Fail states end the execution by themselves'],
    ['Parameters', 'Fail', { Parameters: { a: 1 } }, 'a Fail state produces no output'],
    ['End', 'Choice', { End: true }, 'A Choice state moves on through each rule\'s "Next"'],
    ['ResultPth', 'Task', { ResultPth: '$.x' }, 'Did you mean "ResultPath"?'],
  ])('reports %s on a %s state', (field, type, extra, advice) => {
    const base: Record<string, unknown> =
      type === 'Pass'
        ? pass()
        : type === 'Fail'
          ? { Type: 'Fail' }
          : type === 'Choice'
            ? { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'Start' }] }
            : task();
    const diagnostics = validate(machine({ Start: { ...base, ...extra } }));
    expectOne(diagnostics, {
      code: 'STEP205',
      location: ['States', 'Start', field],
      statePath: `Flow > Start > ${field}`,
      includes: [`${type} state "Start" does not allow the field "${field}"`, advice],
    });
  });

  it('reports an unknown field in a retrier', () => {
    const diagnostics = validate(machine({ Start: task({ Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempt: 2 }] }) }));
    expectOne(diagnostics, {
      code: 'STEP205',
      location: ['States', 'Start', 'Retry', 0, 'MaxAttempt'],
      includes: ['"MaxAttempt" in Retry[0] of Task state "Start" is not a known field', 'Did you mean "MaxAttempts"?'],
    });
  });

  it('reports a JSONata field in a JSONPath state and a JSONPath field in a JSONata state', () => {
    const diagnostics = validate(
      machine({
        Old: task({ Arguments: { a: 1 }, End: undefined, Next: 'New' }),
        New: task({
          QueryLanguage: 'JSONata',
          Parameters: { a: 1 },
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.e', Next: 'Old' }],
        }),
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP205',
      location: ['States', 'Old', 'Arguments'],
      includes: ['uses JSONPath (the default)', 'no "Arguments"', 'use "Parameters"', '"QueryLanguage": "JSONata"'],
    });
    expectOne(diagnostics, {
      code: 'STEP205',
      location: ['States', 'New', 'Parameters'],
      includes: ['uses JSONata', 'no "Parameters"', 'use "Arguments"'],
    });
    expectOne(diagnostics, {
      code: 'STEP205',
      location: ['States', 'New', 'Catch', 0, 'ResultPath'],
      includes: ['(in Catch[0])', '$states.errorOutput'],
    });
  });

  it('reports a JSONata expression in a JSONPath state', () => {
    const diagnostics = validate(machine({ Start: { Type: 'Wait', Seconds: '{% $delay %}', End: true } }));
    expectOne(diagnostics, {
      code: 'STEP204',
      location: ['States', 'Start', 'Seconds'],
      includes: ['is a JSONata expression', 'uses JSONPath', '"SecondsPath"'],
    });
  });

  it('reports fields that exclude each other, and a Map without ItemProcessor', () => {
    const diagnostics = validate(
      machine({
        Call: task({ TimeoutSeconds: 10, TimeoutSecondsPath: '$.t', End: undefined, Next: 'Loop' }),
        Loop: { Type: 'Map', End: true },
        Both: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'X', States: { X: pass() } },
          Iterator: { StartAt: 'Y', States: { Y: pass() } },
          End: true,
        },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP207',
      location: ['States', 'Call', 'TimeoutSecondsPath'],
      includes: ['cannot be used together with "TimeoutSeconds"', 'Keep one'],
    });
    expectOne(diagnostics, {
      code: 'STEP207',
      location: ['States', 'Both', 'Iterator'],
      includes: ['"Iterator" of Map state "Both"', '"ItemProcessor"'],
    });
    expectOne(diagnostics, {
      code: 'STEP203',
      location: ['States', 'Loop', 'ItemProcessor'],
      includes: ['Map state "Loop" is missing the required field "ItemProcessor"'],
    });
  });
});

describe('STEP301–STEP304 Choice rules', () => {
  const choice = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    machine({ Pick: { Type: 'Choice', Choices: choices, Default: 'Done', ...extra }, Done: { Type: 'Succeed' } });

  it('reports a Choice without rules', () => {
    expectOne(validate(choice([])), {
      code: 'STEP301',
      location: ['States', 'Pick', 'Choices'],
      statePath: 'Flow > Pick > Choices',
      includes: ['Choice state "Pick" has no rules', 'Add at least one rule'],
    });
  });

  it('reports Next on a nested rule', () => {
    const diagnostics = validate(choice([{ Not: { Variable: '$.a', IsPresent: true, Next: 'Done' }, Next: 'Done' }]));
    expectOne(diagnostics, {
      code: 'STEP302',
      location: ['States', 'Pick', 'Choices', 0, 'Not', 'Next'],
      statePath: 'Flow > Pick > Choices[0] > Not > Next',
      includes: ['Choices[0].Not of Choice state "Pick" has "Next"', 'nested inside "And", "Or" or "Not"', 'Remove this "Next"'],
    });
  });

  it('reports a rule with two operators', () => {
    const diagnostics = validate(choice([{ Variable: '$.a', StringEquals: 'x', NumericEquals: 1, Next: 'Done' }]));
    expectOne(diagnostics, {
      code: 'STEP303',
      location: ['States', 'Pick', 'Choices', 0, 'NumericEquals'],
      includes: ['2 operators ("StringEquals" and "NumericEquals")', 'exactly one'],
    });
  });

  it('reports a rule with no operator, nested too', () => {
    const diagnostics = validate(choice([{ And: [{ Variable: '$.a' }], Next: 'Done' }]));
    expectOne(diagnostics, {
      code: 'STEP303',
      location: ['States', 'Pick', 'Choices', 0, 'And', 0],
      includes: ['Choices[0].And[0] of Choice state "Pick" has no comparison', '"StringEquals"'],
    });
  });

  it('reports a JSONata rule without Condition', () => {
    const diagnostics = validate(choice([{ Next: 'Done' }], { QueryLanguage: 'JSONata' }));
    expectOne(diagnostics, { code: 'STEP303', location: ['States', 'Pick', 'Choices', 0], includes: ['has no "Condition"', '{% … %}'] });
  });

  it('reports a comparison without Variable and a boolean rule with one', () => {
    const diagnostics = validate(
      choice([
        { StringEquals: 'x', Next: 'Done' },
        { Variable: '$.a', Or: [{ Variable: '$.a', IsNull: true }], Next: 'Done' },
      ]),
    );
    expectOne(diagnostics, {
      code: 'STEP304',
      location: ['States', 'Pick', 'Choices', 0],
      includes: ['uses "StringEquals" but has no "Variable"'],
    });
    expectOne(diagnostics, {
      code: 'STEP304',
      location: ['States', 'Pick', 'Choices', 1, 'Variable'],
      includes: ['combines rules with "Or" but also has "Variable"'],
    });
  });
});

describe('STEP401–STEP406 Retry, Catch and timeouts', () => {
  it('reports States.ALL together with other errors', () => {
    const diagnostics = validate(machine({ Call: task({ Retry: [{ ErrorEquals: ['States.ALL', 'States.Timeout'] }] }) }));
    expectOne(diagnostics, {
      code: 'STEP401',
      location: ['States', 'Call', 'Retry', 0, 'ErrorEquals'],
      includes: ['Retry[0] of Task state "Call"', 'must stand alone', '["States.ALL"]'],
    });
  });

  it('reports States.ALL in a catcher that is not the last', () => {
    const diagnostics = validate(
      machine({
        Call: task({
          Catch: [
            { ErrorEquals: ['States.ALL'], Next: 'Fix' },
            { ErrorEquals: ['Custom'], Next: 'Fix' },
          ],
        }),
        Fix: pass(),
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP401',
      location: ['States', 'Call', 'Catch', 0, 'ErrorEquals'],
      includes: ['not the last in "Catch"', 'never apply', 'Move it to the end'],
    });
  });

  it.each([
    ['STEP402', 'BackoffRate', 0.5, 'at least 1'],
    ['STEP403', 'MaxAttempts', -1, 'at least 0'],
    ['STEP404', 'IntervalSeconds', 0, 'at least 1'],
    ['STEP404', 'MaxDelaySeconds', 0, 'at least 1'],
  ])('%s: %s = %s', (code, field, value, words) => {
    const diagnostics = validate(machine({ Call: task({ Retry: [{ ErrorEquals: ['States.ALL'], [field]: value }] }) }));
    expectOne(diagnostics, {
      code,
      location: ['States', 'Call', 'Retry', 0, field],
      includes: [`"${field}" in Retry[0] of Task state "Call" is ${value}`, words],
    });
  });

  it('reports timeouts below 1, on tasks and on the machine', () => {
    const diagnostics = validate(machine({ Call: task({ TimeoutSeconds: 0, HeartbeatSeconds: 0 }) }, { TimeoutSeconds: 0 }));
    expectOne(diagnostics, {
      code: 'STEP405',
      location: ['States', 'Call', 'TimeoutSeconds'],
      includes: ['"TimeoutSeconds" of Task state "Call" is 0', 'positive number of seconds'],
    });
    expectOne(diagnostics, { code: 'STEP405', location: ['States', 'Call', 'HeartbeatSeconds'], includes: ['"HeartbeatSeconds"', 'is 0'] });
    expectOne(diagnostics, { code: 'STEP405', location: ['TimeoutSeconds'], includes: ['"TimeoutSeconds" of the state machine is 0'] });
  });

  it('reports HeartbeatSeconds not below TimeoutSeconds', () => {
    const diagnostics = validate(machine({ Call: task({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }) }));
    expectOne(diagnostics, {
      code: 'STEP406',
      location: ['States', 'Call', 'HeartbeatSeconds'],
      includes: ['is 60, which is not less than its TimeoutSeconds (60)', 'smaller'],
    });
    expectNoCode(validate(machine({ Call: task({ TimeoutSeconds: 60, HeartbeatSeconds: 59 }) })), 'STEP406');
  });
});

describe('STEP501–STEP505 paths and payload templates', () => {
  it('accepts $.0 as AWS does (seed 001)', () => {
    expect(validate(machine({ Start: pass({ InputPath: '$.0', OutputPath: '$.1' }) }))).toEqual([]);
  });

  it.each([
    ['InputPath', '$.a['],
    ['OutputPath', '$.'],
    ['ResultPath', '$.a b'],
    ['ItemsPath', 'items'],
  ])('reports invalid JSONPath in %s', (field, value) => {
    const base = field === 'ItemsPath' ? { Type: 'Map', ItemProcessor: { StartAt: 'X', States: { X: pass() } }, End: true } : pass();
    const diagnostics = validate(machine({ Start: { ...base, [field]: value } }));
    expectOne(diagnostics, {
      code: 'STEP501',
      location: ['States', 'Start', field],
      includes: [`"${field}" of`, 'is not a valid JSONPath', JSON.stringify(value)],
    });
  });

  it('reports invalid JSONPath in Variable, a Path operand, ErrorPath and a .$ value', () => {
    const diagnostics = validate(
      machine({
        Pick: { Type: 'Choice', Choices: [{ Variable: '$..', NumericEqualsPath: '$.b[', Next: 'Call' }], Default: 'Call' },
        Call: task({ Parameters: { nested: { 'value.$': '$.foo bar' } }, End: undefined, Next: 'Stop' }),
        Stop: { Type: 'Fail', ErrorPath: '$.', CausePath: "States.Format('{}', $.)" },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP501',
      location: ['States', 'Pick', 'Choices', 0, 'Variable'],
      includes: ['"Variable" in Choices[0] of Choice state "Pick"', 'ends with ".."'],
    });
    expectOne(diagnostics, {
      code: 'STEP501',
      location: ['States', 'Pick', 'Choices', 0, 'NumericEqualsPath'],
      includes: ['unclosed "["'],
    });
    expectOne(diagnostics, {
      code: 'STEP501',
      location: ['States', 'Call', 'Parameters', 'nested', 'value.$'],
      includes: ['"value.$" in Parameters.nested of Task state "Call"', 'space'],
    });
    expectOne(diagnostics, { code: 'STEP501', location: ['States', 'Stop', 'ErrorPath'], includes: ['ends with "."'] });
    expectOne(diagnostics, { code: 'STEP501', location: ['States', 'Stop', 'CausePath'], includes: ['argument 2 of States.Format'] });
  });

  it('reports reference-path fields that select more than one node, the Context Object or a variable', () => {
    const diagnostics = validate(
      machine({
        A: pass({ ResultPath: '$.items[*]', End: undefined, Next: 'B' }),
        B: pass({ ResultPath: '$$.Execution.Name', End: undefined, Next: 'C' }),
        C: pass({ ResultPath: '$total', End: undefined, Next: 'D' }),
        D: { Type: 'Map', ItemsPath: '$.items[?(@.ok == true)]', ItemProcessor: { StartAt: 'X', States: { X: pass() } }, End: true },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP502',
      location: ['States', 'A', 'ResultPath'],
      includes: ['must be a reference path', 'the wildcard "[*]"'],
    });
    expectOne(diagnostics, {
      code: 'STEP502',
      location: ['States', 'B', 'ResultPath'],
      includes: ['cannot be written into the Context Object'],
    });
    expectOne(diagnostics, { code: 'STEP502', location: ['States', 'C', 'ResultPath'], includes: ['cannot name a variable', '"Assign"'] });
    expectOne(diagnostics, { code: 'STEP502', location: ['States', 'D', 'ItemsPath'], includes: ['a filter'] });
  });

  it('reports .$ values that are neither paths nor intrinsic functions', () => {
    const diagnostics = validate(machine({ Call: task({ Parameters: { 'greeting.$': 'Hello', 'count.$': 5 } }) }));
    expectOne(diagnostics, {
      code: 'STEP503',
      location: ['States', 'Call', 'Parameters', 'greeting.$'],
      includes: ['"greeting.$" in Parameters of Task state "Call" is "Hello"', 'neither a path', 'remove ".$" from the key ("greeting")'],
    });
    expectOne(diagnostics, {
      code: 'STEP503',
      location: ['States', 'Call', 'Parameters', 'count.$'],
      includes: ['must be a path or an intrinsic function', 'the number 5'],
    });
  });

  it('reports bad intrinsic function calls', () => {
    const diagnostics = validate(
      machine({
        Call: task({
          ResultSelector: { 'a.$': "States.Fromat('{}', $.x)", 'b.$': 'States.UUID(1)', 'c.$': "States.Format('{} {}', $.x)" },
        }),
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP504',
      location: ['States', 'Call', 'ResultSelector', 'a.$'],
      includes: ['"States.Fromat", which is not an intrinsic function', 'did you mean States.Format?'],
    });
    expectOne(diagnostics, {
      code: 'STEP504',
      location: ['States', 'Call', 'ResultSelector', 'b.$'],
      includes: ['States.UUID with 1 argument', 'it takes 0'],
    });
    expectOne(diagnostics, {
      code: 'STEP504',
      location: ['States', 'Call', 'ResultSelector', 'c.$'],
      includes: ['2 "{}" placeholders', 'but 1 value'],
    });
  });

  it('reports keys that collide once .$ is stripped', () => {
    const diagnostics = validate(machine({ Call: task({ Parameters: { Payload: { id: 1, 'id.$': '$.id' } } }) }));
    expectOne(diagnostics, {
      code: 'STEP505',
      location: ['States', 'Call', 'Parameters', 'Payload', 'id.$'],
      includes: ['Parameters.Payload of Task state "Call" has both "id" and "id.$"', 'Keep only one'],
    });
  });

  it('checks .$ values in Assign, ItemSelector and Catch Assign too', () => {
    const diagnostics = validate(
      machine({
        Each: {
          Type: 'Map',
          ItemSelector: { 'v.$': 'nope' },
          Assign: { 'x.$': '$.' },
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'e.$': 'States.Nope()' }, Next: 'Each' }],
          ItemProcessor: { StartAt: 'X', States: { X: pass() } },
          End: true,
        },
      }),
    );
    expectOne(diagnostics, { code: 'STEP503', location: ['States', 'Each', 'ItemSelector', 'v.$'], includes: ['"nope"'] });
    expectOne(diagnostics, { code: 'STEP501', location: ['States', 'Each', 'Assign', 'x.$'], includes: ['ends with "."'] });
    expectOne(diagnostics, { code: 'STEP504', location: ['States', 'Each', 'Catch', 0, 'Assign', 'e.$'], includes: ['"States.Nope"'] });
  });

  it('leaves JSONata states and a Pass Result alone', () => {
    const diagnostics = validate(
      machine({
        A: pass({ Result: { 'literal.$': 'not evaluated' }, End: undefined, Next: 'B' }),
        B: pass({ QueryLanguage: 'JSONata', Output: { 'x.$': 'anything' } }),
      }),
    );
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});

describe('STEP506 / STEP507 Wait and timestamps', () => {
  it('reports a Wait with no time field', () => {
    const diagnostics = validate(machine({ Sleep: { Type: 'Wait', End: true } }));
    expectOne(diagnostics, {
      code: 'STEP506',
      location: ['States', 'Sleep'],
      includes: ['Wait state "Sleep" does not say how long to wait', '"Seconds", "Timestamp", "SecondsPath" or "TimestampPath"'],
    });
  });

  it('reports a Wait with two time fields', () => {
    const diagnostics = validate(machine({ Sleep: { Type: 'Wait', Seconds: 5, TimestampPath: '$.until', End: true } }));
    expectOne(diagnostics, {
      code: 'STEP506',
      location: ['States', 'Sleep', 'TimestampPath'],
      includes: ['has "Seconds" and "TimestampPath"', 'exactly one', 'Keep one'],
    });
  });

  it('reports timestamps that are not RFC 3339', () => {
    const diagnostics = validate(
      machine({
        Sleep: { Type: 'Wait', Timestamp: '2024-01-01 10:00:00', Next: 'Pick' },
        Pick: {
          Type: 'Choice',
          Choices: [{ Variable: '$.t', TimestampGreaterThan: '2024-02-30T00:00:00Z', Next: 'Done' }],
          Default: 'Done',
        },
        Done: { Type: 'Succeed' },
      }),
    );
    expectOne(diagnostics, {
      code: 'STEP507',
      location: ['States', 'Sleep', 'Timestamp'],
      includes: ['"2024-01-01 10:00:00"', 'not an ISO 8601 (RFC 3339) timestamp', '"2016-03-14T01:59:00Z"'],
    });
    expectOne(diagnostics, {
      code: 'STEP507',
      location: ['States', 'Pick', 'Choices', 0, 'TimestampGreaterThan'],
      includes: ['"2024-02-30T00:00:00Z"'],
    });
  });
});

describe('STEP601 / STEP602 substitutions', () => {
  const definition = machine({ Call: task({ Resource: '${StockCheckerArn}', Parameters: { TableName: '${DDBTabel}' } }) });

  it('does not check placeholders when no substitutions are given (hand-written ASL)', () => {
    expect(validate(definition)).toEqual([]);
  });

  it('reports a placeholder without a substitution, suggesting a close name', () => {
    const diagnostics = validate(definition, { substitutions: { StockCheckerArn: 'arn', DDBTable: 'table' } });
    expectOne(diagnostics, {
      code: 'STEP601',
      location: ['States', 'Call', 'Parameters', 'TableName'],
      includes: [
        '"TableName" in Parameters of Task state "Call" uses the placeholder "${DDBTabel}"',
        'no substitution',
        'Did you mean "${DDBTable}"?',
      ],
    });
  });

  it('warns about a substitution that is never used', () => {
    const diagnostics = validate(definition, { substitutions: { StockCheckerArn: 'arn', DDBTabel: 't', Unused: 'x' } });
    expectOne(diagnostics, {
      code: 'STEP602',
      location: [],
      statePath: 'Flow',
      severity: 'warning',
      includes: ['The substitution "Unused" is never used', '"${Unused}"'],
    });
    expect(errors(diagnostics)).toEqual([]);
  });
});

describe('STEP202 size', () => {
  it('reports a definition over 1 MB', () => {
    const diagnostics = validate(machine({ Big: pass({ Result: 'x'.repeat(1_048_576) }) }));
    expectOne(diagnostics, { code: 'STEP202', location: [], includes: ['1,048,6', 'bytes of JSON', 'limit of 1 MB'] });
    expectNoCode(validate(machine({ Big: pass({ Result: 'x'.repeat(1_000_000) }) })), 'STEP202');
  });
});

describe('diagnostics', () => {
  it('come in document order of their states and carry the source site of their location', () => {
    const sites: string[] = [];
    const diagnostics = validate(machine({ First: pass({ End: undefined, Next: 'Nope' }), Second: pass({ Retry: [] }) }), {
      sourceOf: (location) => {
        sites.push(JSON.stringify(location));
        return location.length === 2 ? { file: 'flow.ts', line: location[1] === 'First' ? 3 : 7, column: 5 } : undefined;
      },
    });
    expect(diagnostics.map((d) => [d.code, d.location[1], d.source?.line])).toEqual([
      ['STEP104', 'First', 3],
      ['STEP205', 'Second', 7],
      ['STEP106', 'Second', 7],
    ]);
    expect(sites).toContain(JSON.stringify(['States', 'First', 'Next']));
  });
});

// That every code has a negative test somewhere is checked by codes.test.ts.
