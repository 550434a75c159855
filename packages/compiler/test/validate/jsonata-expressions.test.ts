import { describe, expect, it } from 'vitest';
import { analyzeExpression } from '../../src/validate/jsonata/analyze-expression.js';
import { readJsonataString } from '../../src/validate/jsonata/jsonata-string.js';
import { validateDefinitionText } from '../../src/validate/index.js';
import { errors, expectDiagnostic, expectNoCode, machine, show, validate } from './helpers.js';

const jsonata = (states: Record<string, unknown>) => machine(states, { QueryLanguage: 'JSONata' });
const pass = (extra: Record<string, unknown> = {}) => ({ Type: 'Pass', End: true, ...extra });
const task = (extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra });

describe('readJsonataString', () => {
  it.each([
    ['{% $states.input %}', { kind: 'expression', body: ' $states.input ' }],
    ['{%$x%}', { kind: 'expression', body: '$x' }],
    ['{%\n  $x\n%}', { kind: 'expression', body: '\n  $x\n' }],
    ['plain text', { kind: 'literal' }],
    ['50% off {', { kind: 'literal' }],
    ['', { kind: 'literal' }],
  ])('reads %j', (text, expected) => {
    expect(readJsonataString(text)).toEqual(expected);
  });

  it.each([
    [' {% $x %}', 'spaces before or after'],
    ['{% $x %} ', 'spaces before or after'],
    ['Hello {% $name %}!', 'text outside its {% … %}'],
    ['{% $a %} and {% $b %}x', 'text outside'],
    ['{% $x', 'does not end with %}'],
  ])('finds %j malformed', (text, problem) => {
    const read = readJsonataString(text);
    expect(read.kind).toBe('malformed');
    expect(read.kind === 'malformed' && read.problem).toContain(problem);
  });
});

describe('analyzeExpression', () => {
  const facts = (body: string) => {
    const analysis = analyzeExpression(body);
    if (!analysis.ok) throw new Error(analysis.message);
    return analysis.facts;
  };

  it('finds free variables, leaving out $states, functions and names the expression binds', () => {
    expect(facts('$total + $count($items) + $states.input.n').variables).toEqual(['total', 'items']);
    expect(facts('($x := 1; $x + $y)').variables).toEqual(['y']);
    expect(facts('$map($states.input.list, function($v, $i) { $v * $i * $rate })').variables).toEqual(['rate']);
    expect(facts('$states.input.items@$item#$pos.[$item, $pos]').variables).toEqual([]);
    expect(facts("'$notAVariable' & /\\$x/i").variables).toEqual([]);
    expect(facts('$customFunction(1)').variables).toEqual([]);
  });

  it('reads $states fields', () => {
    expect(facts('$states.result.Payload & $states.context.Execution.Id').statesFields).toEqual(['result', 'context']);
  });

  it('finds reads of the top-level context only where AWS refuses them', () => {
    expect(facts('phone').contextReads).toEqual(['phone']);
    expect(facts('$.a').contextReads).toEqual(['$']);
    expect(facts('*').contextReads).toEqual(['*']);
    expect(facts('{ "n": name }').contextReads).toEqual(['name']);
    expect(facts('$map($states.input.a, function($x) { b })').contextReads).toEqual(['b']);
    // Later steps, predicates, sort terms, groupings and transforms read the values before them.
    expect(facts('$states.input.items[price > 3 and $ != null].name^(>price){ category: $sum(price) }').contextReads).toEqual([]);
    expect(facts('$count($states.result[$ = 1])').contextReads).toEqual([]);
    expect(facts("$states.input ~> | order | { 'total': price * qty } |").contextReads).toEqual([]);
    expect(facts('$$').usesRoot).toBe(true);
    expect(facts('$states.input.a.$$.b').usesRoot).toBe(true);
  });

  it('recognises intrinsic functions and $eval', () => {
    expect(facts("States.Format('{}', $states.input.x)").intrinsics).toEqual(['States.Format']);
    expect(facts("States.Format('{}', $x)").contextReads).toEqual([]);
    expect(facts('$string(States.UUID())').intrinsics).toEqual(['States.UUID']);
    expect(facts('$eval("1 + 1")').unavailable).toEqual(['eval']);
  });

  it('reads ${Placeholder} substitutions as values', () => {
    expect(analyzeExpression("${Count} + 1 & '${Bucket}'").ok).toBe(true);
    expect(facts('$states.input.${Field}').variables).toEqual([]);
  });

  it('reads simple paths without the parser, with the same facts as the parser gives', () => {
    for (const path of ['$states.input.a.b', ' $total ', '$item.price[0].x', '$count', '$eval', '$states', '$states.result[2]', '$_x1']) {
      expect(analyzeExpression(path), path).toEqual(analyzeExpression(`(${path})`));
    }
  });

  it('reports the parser message and position for a syntax error', () => {
    expect(analyzeExpression('a[1,2)')).toEqual({ ok: false, message: 'Expected "]", got ","', position: 4 });
    expect(analyzeExpression('1 +')).toMatchObject({ ok: false, message: 'Unexpected end of expression' });
  });
});

describe('STEP508 a {% %} expression that does not parse', () => {
  it.each([
    ['Output', pass({ Output: '{% a[1,2) %}' }), ['Output'], 'Expected "]", got ","', '(at character 7 of "{% a[1,2) %}")'],
    ['an Assign value', pass({ Assign: { total: '{% 1 + %}' } }), ['Assign', 'total'], 'Unexpected end of expression', ''],
    [
      'an Arguments value in an array',
      task({ Arguments: { Payload: [1, '{% $states.input. %}'] } }),
      ['Arguments', 'Payload', 1],
      'Unexpected end',
      '',
    ],
    ['Wait Seconds', { Type: 'Wait', Seconds: '{% %}', End: true }, ['Seconds'], 'Unexpected end of expression', ''],
    ['Fail Cause', { Type: 'Fail', Cause: '{% "unterminated %}' }, ['Cause'], 'String literal must be terminated', ''],
    ['Task TimeoutSeconds', task({ TimeoutSeconds: '{% ( %}' }), ['TimeoutSeconds'], 'Expected ")" before end of expression', ''],
    [
      'a Catch Output',
      task({ Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput. %}', Next: 'Done' }], End: undefined, Next: 'Done' }),
      ['Catch', 0, 'Output'],
      'Unexpected end',
      '',
    ],
  ])('in %s', (_what, state, field, words, position) => {
    const states: Record<string, unknown> = { Start: state };
    if (JSON.stringify(state).includes('"Done"')) states.Done = { Type: 'Succeed' };
    const diagnostics = validate(jsonata(states));
    const diagnostic = expectDiagnostic(diagnostics, {
      code: 'STEP508',
      location: ['States', 'Start', ...field],
      includes: ['is not a valid JSONata expression', words, position, "Fix the expression's syntax"],
    });
    expect(diagnostic.message).toContain('Start');
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(1);
  });

  it('checks a Choice Condition, a Map Items and ItemSelector, and the Distributed Map configs', () => {
    const diagnostics = validate(
      jsonata({
        Pick: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > %}', Next: 'Each' }], Default: 'Each' },
        Each: {
          Type: 'Map',
          Items: '{% [1, 2 %}',
          ItemSelector: { value: '{% $states.context.Map.Item.Value + %}' },
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'JSON', MaxItems: '{% 1 + %}' },
            Arguments: { Bucket: '{% ) %}' },
          },
          ItemBatcher: { MaxItemsPerBatch: '{% 10 * %}', BatchInput: { at: '{% $now( %}' } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: '{% { %}' },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Work', States: { Work: pass() } },
          End: true,
        },
      }),
    );
    const places = diagnostics.filter((d) => d.code === 'STEP508').map((d) => d.location.slice(2).join('.'));
    expect(places.sort(), show(diagnostics)).toEqual(
      [
        'Choices.0.Condition',
        'Items',
        'ItemSelector.value',
        'ItemReader.Arguments.Bucket',
        'ItemReader.ReaderConfig.MaxItems',
        'ItemBatcher.MaxItemsPerBatch',
        'ItemBatcher.BatchInput.at',
        'ResultWriter.Arguments',
      ].sort(),
    );
  });

  it('places the diagnostic at the line and column of the field in the file', () => {
    const text = [
      '{',
      '  "QueryLanguage": "JSONata",',
      '  "StartAt": "Shape",',
      '  "States": {',
      '    "Shape": {',
      '      "Type": "Pass",',
      '      "Output": { "total": "{% $states.input.a + %}" },',
      '      "End": true',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const diagnostics = validateDefinitionText(text, { workflow: 'shape.asl.json' });
    expect(diagnostics.map((d) => `${d.code} ${d.source?.line}:${d.source?.column} ${d.statePath}`)).toEqual([
      'STEP508 7:19 shape.asl.json > Shape > Output > total',
    ]);
  });

  it('leaves strings of JSONPath states and non-expression fields alone', () => {
    const diagnostics = validate(
      machine({
        Start: pass({ Parameters: { text: '{% not evaluated in JSONPath %}' }, Comment: '{% $ %}', Next: 'Data', End: undefined }),
        Data: pass({ QueryLanguage: 'JSONata', Comment: '{% ) %}', Output: { note: 'literal text, 100%' } }),
      }),
    );
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});

describe('STEP509 a string that is not exactly one {% %} expression', () => {
  it.each([
    [' {% $states.input %}', 'has spaces before or after'],
    ['Hello {% $states.input.name %}', 'has text outside its {% … %}'],
    ['{% $states.input', 'starts with {% but does not end with %}'],
  ])('reports %j', (text, words) => {
    const diagnostics = validate(jsonata({ Start: pass({ Output: { greeting: text } }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP509',
      location: ['States', 'Start', 'Output', 'greeting'],
      includes: [JSON.stringify(text), words],
    });
  });

  it('accepts expressions without spaces inside the delimiters and across lines (AWS samples do both)', () => {
    const diagnostics = validate(jsonata({ Start: pass({ Output: { a: "{%$lowercase('X')%}", b: '{%\n  $states.input\n%}' } }) }));
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});

describe('STEP510 an intrinsic function inside JSONata', () => {
  it('names the JSONata equivalent', () => {
    const diagnostics = validate(
      jsonata({ Start: pass({ Output: { id: '{% States.UUID() %}', text: "{% States.Format('Hi {}', $states.input.name) %}" } }) }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP510',
      location: ['States', 'Start', 'Output', 'id'],
      includes: [
        'calls the intrinsic function States.UUID',
        'intrinsic functions belong to JSONPath states',
        'Use the JSONata equivalent: $uuid()',
      ],
    });
    expectDiagnostic(diagnostics, {
      code: 'STEP510',
      location: ['States', 'Start', 'Output', 'text'],
      includes: ['States.Format', '$join'],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(2);
  });
});

describe('STEP511 reading the top-level context', () => {
  it.each([
    ['a bare field name', '{% phone %}', '"phone" at the top level', '$states.input.phone, or a variable as $phone'],
    ['$', '{% $.order.total %}', '"$" at the top level', 'read the state input as $states.input'],
    ['a wildcard', '{% * %}', '"*" at the top level', 'start the path from $states.input'],
    ['a name inside an object constructor', '{% { "n": name } %}', '"name" at the top level', '$states.input.name'],
    ['a name in a lambda body', '{% $map($states.input.a, function($x) { b }) %}', '"b" at the top level', '$states.input.b'],
  ])('reports %s', (_what, expression, words, advice) => {
    const diagnostics = validate(jsonata({ Start: pass({ Output: expression }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP511',
      location: ['States', 'Start', 'Output'],
      includes: [words, 'Step Functions evaluates JSONata with no context value', advice],
    });
  });

  it('reports $$ anywhere in the expression', () => {
    const diagnostics = validate(jsonata({ Start: pass({ Output: '{% $states.input.a.$$ %}' }) }));
    expectDiagnostic(diagnostics, { code: 'STEP511', location: ['States', 'Start', 'Output'], includes: ['uses "$$"', '$states.context'] });
  });

  it('accepts names where they read the values before them', () => {
    const diagnostics = validate(
      jsonata({
        Start: pass({
          Output: {
            cheap: '{% $states.input.items[price < 10].name %}',
            sorted: '{% $states.input.items^(>price).name %}',
            byCategory: '{% $states.input.items{ category: $sum(price) } %}',
            firsts: '{% $count($states.input.flags[$ = true]) %}',
            shaped: '{% $states.input.items.{ "label": name } %}',
          },
        }),
      }),
    );
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});

describe('STEP512 a $states field without a value', () => {
  it('reports $states.result outside the Output and Assign of a Task, Parallel or Map', () => {
    const diagnostics = validate(
      jsonata({
        Call: task({
          Arguments: { previous: '{% $states.result %}' },
          Output: '{% $states.result.Payload %}',
          End: undefined,
          Next: 'Copy',
        }),
        Copy: pass({ Output: '{% $states.result %}' }),
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP512',
      location: ['States', 'Call', 'Arguments', 'previous'],
      includes: ['reads $states.result', 'only in the "Output" and "Assign" of a Task, Parallel or Map state'],
    });
    expectDiagnostic(diagnostics, { code: 'STEP512', location: ['States', 'Copy', 'Output'], includes: ['$states.result'] });
    expectNoCode(
      diagnostics.filter((d) => d.location.join('/') === 'States/Call/Output'),
      'STEP512',
    );
  });

  it('reports $states.errorOutput outside a Catch, and $states.result inside one', () => {
    const diagnostics = validate(
      jsonata({
        Call: task({
          Output: '{% $states.errorOutput %}',
          Catch: [
            { ErrorEquals: ['States.ALL'], Output: { error: '{% $states.errorOutput %}', result: '{% $states.result %}' }, Next: 'Done' },
          ],
          End: undefined,
          Next: 'Done',
        }),
        Done: { Type: 'Succeed' },
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP512',
      location: ['States', 'Call', 'Output'],
      includes: ['$states.errorOutput', 'only in the "Output" and "Assign" of a Catch'],
    });
    expectDiagnostic(diagnostics, {
      code: 'STEP512',
      location: ['States', 'Call', 'Catch', 0, 'Output', 'result'],
      includes: ['a Catch does not have', '$states.errorOutput'],
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(2);
  });

  it('reports an unknown $states field', () => {
    const diagnostics = validate(jsonata({ Start: pass({ Output: '{% $states.inputs %}' }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP512',
      location: ['States', 'Start', 'Output'],
      includes: ['$states.inputs', '"input", "context", "result" and "errorOutput"'],
    });
  });
});

describe('STEP513 a JSONata function Step Functions does not provide', () => {
  it('reports $eval and suggests $parse', () => {
    const diagnostics = validate(jsonata({ Start: pass({ Output: '{% $eval($states.input.code) %}' }) }));
    expectDiagnostic(diagnostics, { code: 'STEP513', location: ['States', 'Start', 'Output'], includes: ['calls $eval', '$parse'] });
  });

  it("accepts Step Functions' own functions", () => {
    const diagnostics = validate(
      jsonata({
        Start: pass({
          Output: {
            parts: '{% $partition($states.input.items, 2) %}',
            range: '{% $range(0, 10, 2) %}',
            hash: "{% $hash($states.input.text, 'SHA-256') %}",
            random: '{% $random(42) %}',
            id: '{% $uuid() %}',
            parsed: '{% $parse($states.input.json) %}',
          },
        }),
      }),
    );
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});

describe('STEP208 a JSONPath state in a JSONata state machine', () => {
  it('reports the state, and nothing else about its fields', () => {
    const diagnostics = validate(jsonata({ Old: pass({ QueryLanguage: 'JSONPath', ResultPath: '$.x', Output: 'x' }) }));
    expectDiagnostic(diagnostics, {
      code: 'STEP208',
      location: ['States', 'Old', 'QueryLanguage'],
      includes: ['sets "QueryLanguage": "JSONPath"', 'a JSONata state machine cannot have JSONPath states'],
      statePath: 'Flow > Old > QueryLanguage',
    });
    expect(errors(diagnostics), show(diagnostics)).toHaveLength(1);
  });

  it('allows JSONata states in a JSONPath state machine, whose nested states keep the machine language', () => {
    const diagnostics = validate(
      machine({
        Fetch: task({
          QueryLanguage: 'JSONata',
          Arguments: { id: '{% $states.input.id %}' },
          Output: '{% $states.result %}',
          End: undefined,
          Next: 'Each',
        }),
        Each: {
          Type: 'Map',
          QueryLanguage: 'JSONata',
          Items: '{% $states.input.items %}',
          ItemProcessor: { StartAt: 'Old', States: { Old: pass({ InputPath: '$.item' }) } },
          End: true,
        },
      }),
    );
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });

  it('refuses "QueryLanguage" on an ItemProcessor, which is not a state', () => {
    const diagnostics = validate(
      jsonata({ Each: { Type: 'Map', ItemProcessor: { QueryLanguage: 'JSONPath', StartAt: 'A', States: { A: pass() } }, End: true } }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP205',
      location: ['States', 'Each', 'ItemProcessor', 'QueryLanguage'],
      includes: ['"QueryLanguage"', 'is not a known field'],
    });
  });
});
