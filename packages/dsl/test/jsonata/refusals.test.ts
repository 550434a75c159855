import { describe, expect, test } from 'vitest';
import {
  eq,
  format,
  jsonata,
  s3Objects,
  shape,
  unsafeJsonata,
  unsafePath,
  variable,
  workflow,
  type DistributedOptions,
  type Path,
} from '../../src/index.js';
import { EXPRESSION_NODE } from '../../src/jsonata/expression.js';

/**
 * What a JSONata state cannot hold is refused when the workflow is built, with the state and the
 * field in the message and the way out: intrinsic functions (JSONPath only), JSONPath paths (`$`,
 * `$$`, unsafePath), splices that are not JSON, and jsonata`…` expressions in JSONPath states.
 */

interface Order {
  readonly id: string;
  readonly total: number;
}

const jsonataWorkflow = () => workflow('Refusals', { queryLanguage: 'JSONata', input: shape<Order>() });
const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:f';

/** A `$`-rooted accessor, as a JSONPath callback hands it out. */
function jsonPathAccessor(): Path<Order> {
  let captured: Path<Order> | undefined;
  workflow('Source', { input: shape<Order>() }).pass('Grab', {
    parameters: ($) => {
      captured = $;
      return {};
    },
  });
  return captured!;
}

describe('intrinsic functions are JSONPath only', () => {
  test('in a JSONata field, at any depth', () => {
    expect(() =>
      jsonataWorkflow().task('Call', { resource: lambda, arguments: ({ input }) => ({ nested: { label: format('id {}', input.id) as never } }) }),
    ).toThrow('Call: arguments.nested.label: intrinsic functions (States.*) are JSONPath only; in a JSONata state write the JSONata function with jsonata`…`');
  });

  test('spliced into an expression', () => {
    expect(() => jsonata`$uppercase(${format('x{}', 'y') as never})`).toThrow(
      "jsonata`…`: splice 1 is an intrinsic function (States.*), which is JSONPath only; write the JSONata function in the expression's text instead",
    );
  });
});

describe('JSONPath paths cannot be read in a JSONata state', () => {
  const $ = jsonPathAccessor();

  test('a $ accessor in an output', () => {
    expect(() => jsonataWorkflow().pass('P', { output: () => ({ id: $.id }) })).toThrow(
      "P: output.id: the JSONPath $.id cannot be read in a JSONata state: read the input through the callback's input ($states.input), the context through context ($states.context), variables through vars",
    );
  });

  test('unsafePath, in a field, an expression, a number field, a Choice test and a reader', () => {
    const raw = 'unsafePath("$.total") is JSONPath text and cannot be read in a JSONata state; write unsafeJsonata(…) instead';
    const total = unsafePath<number>('$.total');
    expect(() => jsonataWorkflow().pass('P', { assign: () => ({ total }) })).toThrow(`P: assign.total: ${raw}`);
    expect(() => jsonataWorkflow().pass('P', { output: () => ({ twice: jsonata<number>`${total} * 2` }) })).toThrow(`P: output.twice: ${raw}`);
    expect(() => jsonataWorkflow().task('T', { resource: lambda, timeoutSeconds: () => total })).toThrow(`T: timeoutSeconds: ${raw}`);
    expect(() =>
      jsonataWorkflow().choice('Pick', (c) => c.when(() => eq(total, 5), (b) => b.succeed('Five')).otherwise((b) => b.succeed('Other'))),
    ).toThrow(`Pick: when[0]: ${raw}`);
    expect(() =>
      jsonataWorkflow().map('M', {
        distributed: { executionType: 'STANDARD', itemReader: s3Objects({ bucket: unsafePath<string>('$.bucket') }) },
        itemProcessor: (b) => b.pass('Item'),
      }),
    ).toThrow('M: itemReader.Bucket: unsafePath("$.bucket") is JSONPath text and cannot be read in a JSONata state; write unsafeJsonata(…) instead');
  });

  test('the context object as $$', () => {
    expect(() => jsonataWorkflow().fail('F', { cause: () => unsafePath<string>('$$.Execution.Id') })).toThrow(
      'F: cause: unsafePath("$$.Execution.Id") is JSONPath text and cannot be read in a JSONata state; write unsafeJsonata(…) instead',
    );
  });

  test('what is allowed instead: typed accessors, variable(), unsafeJsonata', () => {
    const chain = jsonataWorkflow().pass('P', {
      output: ({ input, context }) => ({ id: input.id, run: context.Execution.Id, v: variable<number>('limit'), raw: unsafeJsonata<number>('$count($states.input)') }),
    });
    expect(chain.node).toBeDefined();
  });
});

describe('a splice must be a typed path, an expression, a placeholder or a JSON literal', () => {
  test.each([
    ['undefined', undefined, 'splice 1 is undefined'],
    ['NaN', Number.NaN, 'splice 1 is NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'splice 1 is Infinity'],
    ['an object literal', { a: 1 }, 'splice 1 is [object Object]'],
  ])('%s', (_name, value, problem) => {
    expect(() => jsonata`1 + ${value as never}`).toThrow(
      `jsonata\`…\`: ${problem}; splice a typed path, an expression, a sub() placeholder or a JSON literal`,
    );
  });

  test('the position counts from 1 across several splices', () => {
    expect(() => jsonata`${1} + ${2} + ${undefined as never}`).toThrow('jsonata`…`: splice 3 is undefined');
  });

  test('JSON literals are written as JSON, expressions in parentheses', () => {
    const inner = jsonata<number>`1 + 2`;
    const built = jsonata`${'a "b"'} & ${null} & ${true} & ${1.5} & ${inner} * 2`;
    expect(built[EXPRESSION_NODE]).toEqual({ kind: 'expression', parts: ['', '"a \\"b\\""', ' & ', 'null', ' & ', 'true', ' & ', '1.5', ' & ', '(', '1 + 2', ')', ' * 2'] });
  });
});

describe('a jsonata`…` expression cannot stand in a JSONPath Distributed Map', () => {
  const rows: [string, Partial<DistributedOptions<unknown, unknown>>, string][] = [
    ['toleratedFailureCount', { toleratedFailureCount: jsonata<number>`3` }, 'toleratedFailureCount'],
    ['a reader argument', { itemReader: s3Objects({ bucket: jsonata<string>`"b"` }) }, 'itemReader.Bucket'],
    ['a reader config value', { itemReader: s3Objects({ bucket: 'b', maxItems: jsonata<number>`5` }) }, 'MaxItems'],
    ['a batcher limit', { itemBatcher: { maxItemsPerBatch: jsonata<number>`5` } }, 'MaxItemsPerBatch'],
    ['a result writer argument', { resultWriter: { bucket: 'b', prefix: jsonata<string>`"p"` } }, 'resultWriter.Prefix'],
  ];
  const distributedMap = (distributed: DistributedOptions<unknown, unknown>) =>
    workflow('JsonPath', { input: shape<Order>() }).map('M', { distributed, itemProcessor: (b) => b.pass('Item') });
  test.each(rows)('%s', (_name, options, field) => {
    expect(() => distributedMap({ executionType: 'STANDARD', ...options })).toThrow(
      `M: ${field} is a jsonata\`…\` expression in a JSONPath state; give a typed path instead, or build the Map in a JSONata chain`,
    );
  });
});

describe('wrong option combinations', () => {
  test('a Wait with both seconds and timestamp, or neither', () => {
    expect(() => jsonataWorkflow().wait('W', { seconds: 1, timestamp: '2030-01-01T00:00:00Z' } as never)).toThrow("wait('W'): give exactly one of seconds, timestamp");
    expect(() => jsonataWorkflow().wait('W', {} as never)).toThrow("wait('W'): give exactly one of seconds, timestamp");
  });

  test('a Choice without its rules callback', () => {
    expect(() => jsonataWorkflow().choice('C', {} as never)).toThrow("choice('C'): give the rules as a callback, (c) => c.when(…)…");
  });
});
