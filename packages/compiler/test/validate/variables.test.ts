import { describe, expect, it } from 'vitest';
import { validateDefinitionText } from '../../src/validate/index.js';
import { errors, expectDiagnostic, machine, show, validate } from './helpers.js';

const jsonata = (states: Record<string, unknown>) => machine(states, { QueryLanguage: 'JSONata' });
const pass = (extra: Record<string, unknown> = {}) => ({ Type: 'Pass', End: true, ...extra });
const task = (extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra });
const branch = (states: Record<string, unknown>) => ({ StartAt: Object.keys(states)[0], States: states });
const distributed = { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' };

describe('variables that are assigned before they are read', () => {
  it('accepts JSONPath reads in paths, Choice rules, payload templates and intrinsic functions', () => {
    const definition = machine({
      Remember: pass({ Assign: { 'order.$': '$.order', 'limit.$': '$.limit', fixed: 3 }, End: undefined, Next: 'Check' }),
      Check: { Type: 'Choice', Choices: [{ Variable: '$order.total', NumericLessThanEqualsPath: '$limit', Next: 'Use' }], Default: 'Use' },
      Use: pass({
        InputPath: '$order',
        Parameters: { 'text.$': "States.Format('{} of {}', $order.total, $limit)", 'n.$': '$fixed', nested: { 'x.$': '$order.id' } },
      }),
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('follows Choice rules (with their own Assign), Default, Catch and loops', () => {
    const definition = jsonata({
      Start: pass({ Assign: { attempts: 0 }, End: undefined, Next: 'Call' }),
      Call: task({
        Assign: { payload: '{% $states.result.Payload %}' },
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: { failure: '{% $states.errorOutput %}' }, Next: 'Failed' }],
        End: undefined,
        Next: 'Route',
      }),
      Route: {
        Type: 'Choice',
        Assign: { routed: true },
        Choices: [{ Condition: '{% $payload.done %}', Assign: { verdict: 'done' }, Next: 'Done' }],
        Default: 'Again',
      },
      Again: pass({ Assign: { attempts: '{% $attempts + 1 %}' }, Output: '{% $routed %}', End: undefined, Next: 'Call' }),
      Done: pass({ Output: { verdict: '{% $verdict %}', routed: '{% $routed %}', attempts: '{% $attempts %}' } }),
      Failed: { Type: 'Fail', Error: 'Failed', Cause: '{% $string($failure) & " after " & $string($attempts) %}' },
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('lets Parallel branches and Map processors read outer variables and keep their own', () => {
    const definition = jsonata({
      Setup: pass({ Assign: { prefix: 'run' }, End: undefined, Next: 'Both' }),
      Both: {
        Type: 'Parallel',
        Branches: [
          branch({
            A: pass({ Assign: { mine: '{% $prefix & "-a" %}' }, End: undefined, Next: 'A2' }),
            A2: pass({ Output: '{% $mine %}' }),
          }),
          branch({
            B: pass({ Assign: { mine: '{% $prefix & "-b" %}' }, End: undefined, Next: 'B2' }),
            B2: pass({ Output: '{% $mine %}' }),
          }),
        ],
        Assign: { results: '{% $states.result %}' },
        End: undefined,
        Next: 'Each',
      },
      Each: {
        Type: 'Map',
        Items: '{% $results %}',
        ItemProcessor: { StartAt: 'Item', States: { Item: pass({ Output: '{% $prefix & $string($states.input) %}' }) } },
        End: true,
      },
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('shares variables between JSONata and JSONPath states', () => {
    const definition = machine({
      Fetch: task({ QueryLanguage: 'JSONata', Assign: { order: '{% $states.result.Payload %}' }, End: undefined, Next: 'Use' }),
      Use: pass({ Parameters: { 'id.$': '$order.id' }, Assign: { 'copy.$': '$order' }, End: undefined, Next: 'Back' }),
      Back: pass({ QueryLanguage: 'JSONata', Output: '{% $copy.id %}' }),
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });

  it('does not count names the expression binds itself, or functions', () => {
    const definition = jsonata({
      Start: pass({ Output: '{% ($total := $sum($states.input.items.price); $map([1, 2], function($v) { $v * $total })) %}' }),
    });
    expect(validate(definition), show(validate(definition))).toEqual([]);
  });
});

describe('STEP701 / STEP702 variable names', () => {
  it.each([
    ['1st', 'starts with "1"; a variable name starts with a letter'],
    ['my-var', 'contains "-"'],
    ['_private', 'starts with "_"'],
    ['$total', 'starts with "$"; assign it without the "$" ("total")'],
    ['', 'is empty'],
  ])('reports %j', (name, words) => {
    const diagnostics = validate(jsonata({ Start: pass({ Assign: { [name]: 1 } }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP701',
      location: ['States', 'Start', 'Assign', name],
      includes: ['is not a valid variable name', words],
    });
  });

  it('reports a name longer than 80 characters, and accepts 80 and Unicode letters', () => {
    const long = 'v'.repeat(81);
    const diagnostics = validate(jsonata({ Start: pass({ Assign: { [long]: 1, ['w'.repeat(80)]: 2, 合計: 3, größe_2: 4 } }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP701',
      location: ['States', 'Start', 'Assign', long],
      includes: ['81 characters', 'at most 80'],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(1);
  });

  it('reads a JSONPath key without its ".$", and reports ".$" in a JSONata state', () => {
    const diagnostics = validate(
      machine({
        Path: pass({ Assign: { 'total.$': '$.total', 'bad-name.$': '$.x' }, End: undefined, Next: 'Ata' }),
        Ata: pass({ QueryLanguage: 'JSONata', Assign: { 'total.$': '{% $states.input.total %}' } }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP701',
      location: ['States', 'Path', 'Assign', 'bad-name.$'],
      includes: ['"bad-name"', 'contains "-"'],
    });
    expectDiagnostic(diagnostics, {
      code: 'STEP701',
      location: ['States', 'Ata', 'Assign', 'total.$'],
      includes: ['ends with ".$", which JSONata states do not use'],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(2);
  });

  it('reports "states", in a state, a Choice rule and a Catch, in both languages', () => {
    const diagnostics = validate(
      machine({
        Path: pass({ Assign: { 'states.$': '$' }, End: undefined, Next: 'Pick' }),
        Pick: {
          Type: 'Choice',
          QueryLanguage: 'JSONata',
          Choices: [{ Condition: '{% true %}', Assign: { states: 1 }, Next: 'Call' }],
          Default: 'Call',
        },
        Call: task({ Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'states.$': '$' }, Next: 'Done' }], End: undefined, Next: 'Done' }),
        Done: { Type: 'Succeed' },
      }),
    );
    for (const location of [
      ['States', 'Path', 'Assign', 'states.$'],
      ['States', 'Pick', 'Choices', 0, 'Assign', 'states'],
      ['States', 'Call', 'Catch', 0, 'Assign', 'states.$'],
    ]) {
      expectDiagnostic(diagnostics, {
        code: 'STEP702',
        location,
        includes: ['assigns the variable "states"', 'reserves that name for $states'],
      });
    }
  });
});

describe('JSONPath Assign values under ".$" keys (STEP503)', () => {
  it('must be a path or an intrinsic function', () => {
    const diagnostics = validate(
      machine({
        Remember: pass({ Assign: { 'total.$': 'total', 'count.$': 3, 'id.$': 'States.UUID()', 'at.$': '$$.State.EnteredTime' } }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP503',
      location: ['States', 'Remember', 'Assign', 'total.$'],
      includes: ['neither a path (starting with "$") nor an intrinsic function'],
    });
    expectDiagnostic(diagnostics, {
      code: 'STEP503',
      location: ['States', 'Remember', 'Assign', 'count.$'],
      includes: ['must be a path or an intrinsic function (a string)'],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(2);
  });
});

describe('STEP703 a variable read where it may not be assigned', () => {
  it('reports a variable no state assigns, with a suggestion', () => {
    const diagnostics = validate(
      jsonata({
        Start: pass({ Assign: { customerName: 'Ana' }, End: undefined, Next: 'Greet' }),
        Greet: pass({ Output: '{% $customername %}' }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'Greet', 'Output'],
      includes: [
        '"Output" of Pass state "Greet" reads the variable $customername',
        'No state assigns $customername',
        'Did you mean $customerName?',
        'before "Greet"',
      ],
      statePath: 'Flow > Greet > Output',
    });
  });

  it('reports a JSONPath read in a path, a Choice rule and an intrinsic function argument', () => {
    const diagnostics = validate(
      machine({
        Pick: { Type: 'Choice', Choices: [{ Variable: '$limit', IsPresent: true, Next: 'Use' }], Default: 'Use' },
        Use: pass({ InputPath: '$order', Parameters: { 'text.$': "States.Format('{}', $label)" } }),
      }),
    );
    expectDiagnostic(diagnostics, { code: 'STEP703', location: ['States', 'Pick', 'Choices', 0, 'Variable'], includes: ['$limit'] });
    expectDiagnostic(diagnostics, { code: 'STEP703', location: ['States', 'Use', 'InputPath'], includes: ['$order'] });
    expectDiagnostic(diagnostics, { code: 'STEP703', location: ['States', 'Use', 'Parameters', 'text.$'], includes: ['$label'] });
  });

  it("reports a state that reads its own Assign: a state's fields are evaluated from its input", () => {
    const diagnostics = validate(jsonata({ Count: pass({ Assign: { count: '{% $count + 1 %}' } }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'Count', 'Assign', 'count'],
      includes: ['"Count" assigns it itself', 'before its "Assign" takes effect', 'in a state that runs before "Count"'],
    });
  });

  it('reports a variable only one Choice branch assigns, read where the branches meet', () => {
    const diagnostics = validate(
      jsonata({
        Pick: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.vip %}', Next: 'Vip' }], Default: 'Join' },
        Vip: pass({ Assign: { discount: 10 }, End: undefined, Next: 'Join' }),
        Join: pass({ Output: '{% $discount %}' }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'Join', 'Output'],
      includes: ['$discount', 'It is assigned by "Vip", but not on every path that reaches "Join"'],
    });
  });

  it("reports a loop's first pass reading what a later state assigns", () => {
    const diagnostics = validate(
      jsonata({
        Poll: task({ Arguments: { cursor: '{% $cursor %}' }, End: undefined, Next: 'Save' }),
        Save: pass({ Assign: { cursor: '{% $states.input.next %}' }, End: undefined, Next: 'More?' }),
        'More?': { Type: 'Choice', Choices: [{ Condition: '{% $cursor != null %}', Next: 'Poll' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'Poll', 'Arguments', 'cursor'],
      includes: ['assigned by "Save", but not on every path'],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(1);
  });

  it("reports a Catch handler reading the failed state's Assign, which never ran", () => {
    const diagnostics = validate(
      jsonata({
        Call: task({
          Assign: { response: '{% $states.result %}' },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Report' }],
          End: undefined,
          Next: 'Report',
        }),
        Report: pass({ Output: '{% $response %}' }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'Report', 'Output'],
      includes: ['$response', 'assigned by "Call", but not on every path'],
    });
  });

  it('reports a read, after a Parallel, of a variable its branch assigned', () => {
    const diagnostics = validate(
      jsonata({
        Both: { Type: 'Parallel', Branches: [branch({ A: pass({ Assign: { inner: 1 } }) })], End: undefined, Next: 'After' },
        After: pass({ Output: '{% $inner %}' }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'After', 'Output'],
      includes: ['It is assigned only inside branch 0 of Parallel state "Both"', 'Return the value in the output of Parallel state "Both"'],
    });
  });

  it("reports a Distributed Map child reading the parent's variables", () => {
    const diagnostics = validate(
      jsonata({
        Setup: pass({ Assign: { bucket: 'reports' }, End: undefined, Next: 'Each' }),
        Each: {
          Type: 'Map',
          Items: '{% $states.input.keys %}',
          ItemSelector: { key: '{% $states.context.Map.Item.Value %}', bucket: '{% $bucket %}' },
          ItemProcessor: {
            ProcessorConfig: distributed,
            StartAt: 'Read',
            States: { Read: task({ Arguments: { Bucket: '{% $bucket %}' } }) },
          },
          End: true,
        },
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP703',
      location: ['States', 'Each', 'ItemProcessor', 'States', 'Read', 'Arguments', 'Bucket'],
      includes: [
        '$bucket',
        'run as child executions and cannot read the variables of the workflow around Map state "Each"',
        '"ItemSelector"',
      ],
      statePath: 'Flow > Each > ItemProcessor > Read > Arguments > Bucket',
    });
    // The ItemSelector itself is evaluated by the parent: it may read $bucket.
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(1);
  });

  it('places the diagnostic at the reading field in the file', () => {
    const text = [
      '{',
      '  "QueryLanguage": "JSONata",',
      '  "StartAt": "Greet",',
      '  "States": {',
      '    "Greet": {',
      '      "Type": "Pass",',
      '      "Output": {',
      '        "message": "{% \'Hello \' & $name %}"',
      '      },',
      '      "End": true',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const diagnostics = validateDefinitionText(text, { workflow: 'greet.asl.json' });
    expect(diagnostics.map((d) => `${d.code} ${d.source?.line}:${d.source?.column}`)).toEqual(['STEP703 8:9']);
  });

  it('says nothing about states that never run', () => {
    const diagnostics = validate(jsonata({ Start: pass(), Orphan: pass({ Output: '{% $nothing %}' }) }));
    expect(diagnostics.map((d) => d.code)).toEqual(['STEP106']);
  });
});

describe('STEP704 an inner scope assigning an outer variable', () => {
  it('reports a branch and a Distributed Map child assigning a name the machine assigns', () => {
    const diagnostics = validate(
      jsonata({
        Setup: pass({ Assign: { total: 0 }, End: undefined, Next: 'Both' }),
        Both: { Type: 'Parallel', Branches: [branch({ A: pass({ Assign: { total: 1 } }) })], End: undefined, Next: 'Each' },
        Each: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: distributed, StartAt: 'Item', States: { Item: pass({ Assign: { total: 2, own: 3 } }) } },
          End: true,
        },
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP704',
      location: ['States', 'Both', 'Branches', 0, 'States', 'A', 'Assign', 'total'],
      includes: [
        'assigns $total, but Pass state "Setup" in the state machine assigns it too',
        'may read the variables around it but not assign them',
        'branch\'s output and assign it on Parallel state "Both"',
      ],
    });
    expectDiagnostic(diagnostics, {
      code: 'STEP704',
      location: ['States', 'Each', 'ItemProcessor', 'States', 'Item', 'Assign', 'total'],
      includes: ['$total', "iteration's output"],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(2);
  });

  it("counts a Map's Catch as assigning in the Map's own scope", () => {
    const diagnostics = validate(
      jsonata({
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Item', States: { Item: pass({ Assign: { failed: false } }) } },
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { failed: true }, Next: 'Done' }],
          End: undefined,
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP704',
      location: ['States', 'Each', 'ItemProcessor', 'States', 'Item', 'Assign', 'failed'],
      includes: ['Map state "Each" in the state machine assigns it too'],
    });
  });
});
