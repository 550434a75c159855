import { at, ir, jsonata, renderJsonataPath, shape, sub, workflow } from '@typestep/dsl';
import jsonataEngine from 'jsonata';
import { describe, expect, test } from 'vitest';
import { emitJsonata, emitTemplate } from '../../src/emit/emit-value.js';
import { Placeholders } from '../../src/emit/used-placeholders.js';
import { compile } from '../../src/index.js';

/**
 * How values of JSONata states are written: typed paths and expressions as `{% … %}` strings at any
 * depth, field names JSONata could misread in backquotes, placeholders as `${Name}` (quoted inside
 * an expression). Each rendered path is evaluated with the jsonata package to prove it reads the
 * field it names.
 */

/** The Output a JSONata Pass state emits for a value built from its input and variables. */
function outputOf(build: (s: { input: any; vars: any }) => unknown) {
  const chain = workflow('Values', { queryLanguage: 'JSONata', input: shape<any>() }).pass('P', { output: build as never });
  return compile(chain);
}

const evaluate = (expression: string, bindings: Record<string, unknown>) =>
  jsonataEngine(/^\{%(.*)%\}$/s.exec(expression)![1]!).evaluate({}, bindings) as Promise<unknown>;

describe('field names', () => {
  test.each([
    ['plain', '$states.input.plain'],
    ['with_underscore9', '$states.input.with_underscore9'],
    ['detail-type', '$states.input.`detail-type`'],
    ['a b', '$states.input.`a b`'],
    ['1st', '$states.input.`1st`'],
    ['ünïcode', '$states.input.`ünïcode`'],
    ['$dollar', '$states.input.`$dollar`'],
    ['true', '$states.input.`true`'],
    ['false', '$states.input.`false`'],
    ['null', '$states.input.`null`'],
    ['and', '$states.input.and'],
    ['x`y', '$lookup($states.input, "x`y")'],
  ])('%s is read as %s', async (name, text) => {
    const { definition } = outputOf(({ input }) => input[name]);
    const output = (definition.States as any).P.Output as string;
    expect(output).toBe(`{% ${text} %}`);
    expect(await evaluate(output, { states: { input: { [name]: 42, other: 0 } } })).toBe(42);
  });

  test('a backquoted name inside a longer path, and array indexes', async () => {
    const { definition } = outputOf(({ input }) => ({ first: at(input['the list'], 1), deep: input.a['x`y'].b }));
    const output = (definition.States as any).P.Output;
    expect(output).toEqual({ first: '{% $states.input.`the list`[1] %}', deep: '{% $lookup($states.input.a, "x`y").b %}' });
    const input = { 'the list': ['zero', 'one'], a: { 'x`y': { b: 'found' } } };
    expect(await evaluate(output.first, { states: { input } })).toBe('one');
    expect(await evaluate(output.deep, { states: { input } })).toBe('found');
  });

  test('variables are $name, their fields as any path', async () => {
    const { definition } = compile(
      workflow('Vars', { queryLanguage: 'JSONata', input: shape<{ cfg: { 'max-size': number } }>() })
        .pass('Set', { assign: ({ input }) => ({ cfg: input.cfg }) })
        .pass('Use', { output: ({ vars }) => vars.cfg['max-size'] }),
    );
    const output = (definition.States as any).Use.Output;
    expect(output).toBe('{% $cfg.`max-size` %}');
    expect(await evaluate(output, { cfg: { 'max-size': 7 } })).toBe(7);
  });
});

describe('placeholders', () => {
  test('a value is "${Name}"; inside an expression it is the string literal \'${Name}\'; both are listed in first-use order', () => {
    const { definition, substitutions } = outputOf(({ input }) => ({
      table: sub('OrdersTable'),
      key: jsonata<string>`${sub('KeyPrefix')} & ${input.id}`,
      again: sub('OrdersTable'),
    }));
    expect((definition.States as any).P.Output).toEqual({
      table: '${OrdersTable}',
      key: "{% '${KeyPrefix}' & $states.input.id %}",
      again: '${OrdersTable}',
    });
    expect(Object.keys(substitutions)).toEqual(['OrdersTable', 'KeyPrefix']);
  });

  test('after DefinitionSubstitutions fills it in, the expression reads the value', async () => {
    const { definition } = outputOf(({ input }) => jsonata<string>`${sub('KeyPrefix')} & '/' & ${input.id}`);
    const deployed = ((definition.States as any).P.Output as string).replace('${KeyPrefix}', 'reports');
    expect(await evaluate(deployed, { states: { input: { id: '42' } } })).toBe('reports/42');
  });
});

describe('the emitter refuses what the other language wrote (IR built without the DSL)', () => {
  const path = (root: ir.PathRoot, ...names: string[]) => ir.pathNode(root, names.map((name) => ({ kind: 'field' as const, name })));

  test('an intrinsic function in a JSONata value', () => {
    const node = ir.intrinsicNode('States.Format', [{ kind: 'literal', value: 'x' }]);
    expect(() => emitJsonata(ir.templateNode([['a', node]]), new Placeholders())).toThrow(
      'States.Format(…) is a JSONPath intrinsic function; JSONata states use JSONata functions instead (write them with jsonata`…`)',
    );
  });

  test('a JSONata expression in a JSONPath template', () => {
    const node = ir.expressionNode(['1 + ', path('$states.input', 'n')]);
    expect(() => emitTemplate(ir.templateNode([['a', ir.templateNode([['b', node]])]]), new Placeholders())).toThrow(
      'a JSONata expression (1 + $states.input.n) cannot be used in a JSONPath state',
    );
  });

  test('a JSONPath path in a JSONata value', () => {
    expect(() => emitJsonata(path('$', 'a', 'b'), new Placeholders())).toThrow(
      "the JSONPath $.a.b cannot be read in a JSONata state: read the input through the callback's input ($states.input), the context through context ($states.context), variables through vars",
    );
    expect(() => renderJsonataPath(ir.pathNode('$$', [{ kind: 'raw', text: '.Execution.Id' }], '$$.Execution.Id'))).toThrow(
      'unsafePath("$$.Execution.Id") is JSONPath text and cannot be read in a JSONata state; write unsafeJsonata(…) instead',
    );
  });
});
