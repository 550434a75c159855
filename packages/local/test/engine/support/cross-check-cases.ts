import { corpus, readReferenceAsl } from './shared-files.js';

/** A thrown error as both engines read it: the name is the error, the message the cause. */
function taskError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/**
 * The shared set of JSONPath definitions and inputs that this engine and aws-local-stepfunctions
 * must run to identical outputs. Task states are answered by the same functions in both, keyed by
 * state name (this engine's mocks, aws-local-stepfunctions' taskResourceLocalHandlers): each gets
 * the task's effective input and returns the task's result.
 */
export interface CrossCheckCase {
  readonly name: string;
  readonly definition: string | { readonly StartAt: string; readonly States: Record<string, unknown> };
  readonly input: unknown;
  /** Wait times in ms for aws-local-stepfunctions, by state name (default 0: both engines skip waiting). */
  readonly waits?: Readonly<Record<string, number>>;
  /** Leave out what the two engines may differ on by design (documented at the case). */
  readonly normalize?: (outcome: { status: string; output?: unknown; error?: string }) => unknown;
  /** Fresh handlers per run (some count their calls). */
  readonly handlers?: () => Record<string, (input: unknown) => unknown>;
}

const pass = (fields: Record<string, unknown>, end = true) => ({ Type: 'Pass', ...fields, ...(end ? { End: true } : {}) });
const single = (state: Record<string, unknown>) => ({ StartAt: 'S', States: { S: { ...state, End: true } } });
const lambdaPayload = (handler: (payload: unknown) => unknown) => (input: unknown) => ({
  Payload: handler((input as { Payload: unknown }).Payload),
  StatusCode: 200,
});
const echo = (input: unknown) => input;

function referenceCases(): CrossCheckCase[] {
  const invoke = (names: string[], handler: (payload: unknown) => unknown) => () =>
    Object.fromEntries(names.map((name) => [name, lambdaPayload(handler)]));
  return [
    {
      name: 'reference 003-1',
      definition: readReferenceAsl('003-1.asl.json'),
      input: { a: 1, b: [true, null] },
      handlers: invoke(['Lambda Test001'], echo),
    },
    {
      name: 'reference 003-2 (HOGE 200)',
      definition: readReferenceAsl('003-2.asl.json'),
      input: { HOGE: 'HOGE 200' },
      handlers: invoke(['Lambda Test001', 'Lambda HOGE 200', 'Lambda Not HOGE 200'], echo),
    },
    {
      name: 'reference 003-2 (other)',
      definition: readReferenceAsl('003-2.asl.json'),
      input: { HOGE: 'x' },
      handlers: invoke(['Lambda Test001', 'Lambda HOGE 200', 'Lambda Not HOGE 200'], echo),
    },
    {
      name: 'reference 003-3',
      definition: readReferenceAsl('003-3.asl.json'),
      input: { bucketName: 'b', prefix: 'p', json: 'j.json' },
      handlers: () => ({
        'Lambda LoadJSONfromS3': lambdaPayload(() => [{ prod: 'E01' }, { prod: 'E02' }, { prod: 'E03' }]),
        'Lambda TEST001': lambdaPayload(echo),
      }),
    },
    {
      name: 'reference 003-4',
      definition: readReferenceAsl('003-4.asl.json'),
      input: { command: 'ifconfig', instance_id: 'i-1' },
      handlers: () => {
        const statuses = ['InProgress', 'Success'];
        return {
          'Lambda RunCommand': lambdaPayload(() => ({ command_id: 'c-1' })),
          'Lambda RunCommand2': lambdaPayload((event) => ({ ...(event as object), com_status: statuses.shift(), output: 'out' })),
          'Lambda RunCommand3': lambdaPayload(() => ({ statusCode: 200 })),
        };
      },
    },
    {
      name: 'reference 004-1',
      definition: readReferenceAsl('004-1.asl.json'),
      input: {},
      handlers: invoke(['hellow-lambda', 'world-lambda'], () => ({ statusCode: 200, body: '"Hello from Lambda!"' })),
    },
    {
      name: 'reference 000-1',
      definition: readReferenceAsl('000-1.asl.json').replaceAll(
        '${LambdaFunction}',
        'arn:aws:lambda:us-east-1:123456789012:function:image',
      ),
      input: { Key: 'k/photo.png' },
      handlers: () => {
        const names = [
          'Convert jpg image',
          'Convert png image',
          'Create medium icon',
          'Create large icon',
          'Create medium thumbnail',
          'Create large thumbnail',
          'Create small thumbnail',
        ];
        return Object.fromEntries(
          names.map((name) => [name, (input: unknown) => ({ Key: (input as { key: string }).key, Request: input })]),
        );
      },
    },
    {
      name: 'reference 001-1 (polls twice, then deletes)',
      definition: readReferenceAsl('001-1.asl.json'),
      input: {},
      handlers: () => {
        const statuses = ['RUNNING', 'RUNNING', 'SUCCEEDED'];
        return {
          CreateStateMachine: () => ({ exeArn: 'arn:aws:states:ap-northeast-1:123456789000:execution:blog_stepfunctions:start' }),
          DescribeExecution: (input: unknown) => ({
            exeArn: (input as { exeArn: string }).exeArn,
            status: statuses.shift(),
            stateArn: 'arn:sm',
          }),
          DeleteStateMachine: (input: unknown) => ({ deleted: (input as { stateArn: string }).stateArn }),
          Error: () => ({ MessageId: 'never' }),
        };
      },
    },
    {
      name: 'reference 001-1 (report failed: SNS)',
      definition: readReferenceAsl('001-1.asl.json'),
      input: {},
      handlers: () => ({
        CreateStateMachine: () => ({ exeArn: 'e' }),
        DescribeExecution: () => ({ exeArn: 'e', status: 'FAILED', stateArn: 's' }),
        Error: (input: unknown) => ({ MessageId: 'm-1', Published: input }),
      }),
    },
    {
      name: 'reference 001-2',
      definition: readReferenceAsl('001-2-dynamic-3-buckets.asl.json'),
      input: { 0: 'a', 1: 'b', 2: 'c' },
      handlers: () => ({
        ...Object.fromEntries(
          [0, 1, 2].flatMap((i) => [
            [`ListObject${i}`, (bucket: unknown) => ({ bucket, size: i * 10 })],
            [`PutDynamoDB${i}`, echo],
          ]),
        ),
        CreateMessage: (usages: unknown) => ({ message: JSON.stringify(usages) }),
        Publish: (input: unknown) => ({ MessageId: 'm-1', Sent: input }),
      }),
    },
    {
      name: 'reference 002-1 (buy, after two failures)',
      // aws-local-stepfunctions reads no DefinitionSubstitutions: both get the substituted text.
      definition: Object.entries({
        StockCheckerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:checker',
        StockSellerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:seller',
        StockBuyerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:buyer',
        DDBPutItem: 'arn:aws:states:::dynamodb:putItem',
        DDBTable: 'Transactions',
      }).reduce((text, [name, value]) => text.replaceAll(`\${${name}}`, value), readReferenceAsl('002-1.asl.json')),
      input: {},
      handlers: () => {
        let calls = 0;
        const trade = (type: string) => () => ({ id: '1', type, price: '40', qty: '2', timestamp: 't' });
        return {
          'Check Stock Value': () => {
            if (calls++ < 2) throw taskError('States.TaskFailed', 'flaky');
            return { stock_price: 40 };
          },
          'Buy Stock': trade('buy'),
          'Sell Stock': trade('sell'),
          'Record Transaction': echo,
        };
      },
    },
  ];
}

function corpusCases(): CrossCheckCase[] {
  const text = (fragment: string) => corpus().find((entry) => entry.file.includes(fragment))!.text;
  return [
    // The 15-second timeout branch must not win the race in aws-local-stepfunctions either. Its Fail
    // states have no Cause, for which aws-local-stepfunctions makes up a text: only Error is compared.
    ...[1, 2].map((process) => ({
      name: `corpus either-or-parallel (process ${process})`,
      definition: text('either-or-parallel-pattern'),
      input: { [`Process${process}ToComplete`]: true },
      waits: { TimeoutWait: 300 },
      normalize: ({ status, output }: { status: string; output?: unknown }) => ({ status, error: (output as { Error: string }).Error }),
    })),
    ...[{ type: 'Public' }, { type: 'Private', value: 0 }, { type: 'Private', value: 25 }, { type: 'Private', value: 31 }].map((input) => ({
      name: `corpus path-based-on-data ${JSON.stringify(input)}`,
      definition: text('path-based-on-data'),
      input,
    })),
    { name: 'corpus runner-simplewait (default)', definition: text('runner-simplewait'), input: {} },
    { name: 'corpus runner-simplewait (given)', definition: text('runner-simplewait'), input: { 'test-input': { 'delay-seconds': 3 } } },
  ];
}

const items = {
  items: [
    { id: 'a', price: 5, tags: ['x'] },
    { id: 'b', price: 15, tags: [] },
    { id: 'c', price: 25, tags: ['y', 'z'] },
  ],
  meta: { owner: { name: 'ann' }, count: 3 },
};

function pathCases(): CrossCheckCase[] {
  const paths = [
    '$.items[*].id',
    '$.items[0:2]',
    '$.items[-1:]',
    '$..name',
    '$.items[?(@.price > 10)].id',
    '$.items[1].tags',
    "$['meta']['owner']",
    '$.items[0,2].price',
    '$.meta.*',
  ];
  return [
    ...paths.map((path) => ({
      name: `Parameters path ${path}`,
      definition: single(pass({ Parameters: { 'value.$': path } }, false)),
      input: items,
    })),
    {
      name: 'InputPath + Parameters + ResultPath + OutputPath',
      definition: single(
        pass(
          {
            InputPath: '$.meta',
            Parameters: { 'who.$': '$.owner.name', fixed: [1, { 'n.$': '$.count' }] },
            ResultPath: '$.result.inner',
            OutputPath: '$.result',
          },
          false,
        ),
      ),
      input: items,
    },
    {
      name: 'ResultPath into the raw input',
      definition: single(pass({ InputPath: '$.meta', Result: 'r', ResultPath: '$.meta.extra' }, false)),
      input: items,
    },
    {
      name: 'null InputPath, ResultPath and OutputPath',
      definition: {
        StartAt: 'A',
        States: { A: pass({ InputPath: null, Result: { a: 1 }, ResultPath: null, Next: 'B' }, false), B: pass({ OutputPath: null }) },
      },
      input: items,
    },
    {
      name: 'context object in Parameters',
      definition: single(pass({ Parameters: { 'input.$': '$$.Execution.Input' } }, false)),
      input: items,
    },
    {
      name: 'Task ResultSelector then ResultPath',
      definition: single({
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { 'Payload.$': '$.meta' },
        ResultSelector: { 'owner.$': '$.Payload.owner.name', 'status.$': '$.StatusCode' },
        ResultPath: '$.task',
      }),
      input: items,
      handlers: () => ({ S: lambdaPayload(echo) }),
    },
  ];
}

function intrinsicCases(): CrossCheckCase[] {
  const calls = [
    "States.Format('Hello {}, you have {} items', $.meta.owner.name, $.meta.count)",
    'States.StringToJson($.json)',
    'States.JsonToString($.meta)',
    "States.Array(1, 'two', $.meta.count, null, true)",
    'States.ArrayPartition($.numbers, 3)',
    'States.ArrayContains($.numbers, 4)',
    'States.ArrayContains($.items, $.items[1])',
    'States.ArrayRange(1, 9, 2)',
    'States.ArrayRange(10, 0, -3)',
    'States.ArrayGetItem($.numbers, 2)',
    'States.ArrayLength($.items)',
    'States.ArrayUnique($.duplicates)',
    "States.Base64Encode('Data to encode')",
    'States.Base64Decode($.encoded)',
    "States.Hash('input data', 'MD5')",
    "States.Hash('input data', 'SHA-1')",
    "States.Hash('input data', 'SHA-256')",
    "States.Hash('input data', 'SHA-384')",
    "States.Hash('input data', 'SHA-512')",
    'States.JsonMerge($.meta, $.other, false)',
    'States.MathAdd($.meta.count, -10)',
    "States.StringSplit($.csv, ',')",
    "States.ArrayLength(States.StringSplit(States.Format('{},{}', $.csv, 'x'), ','))",
  ];
  const input = {
    ...items,
    json: '{"a":[1,2],"b":null}',
    numbers: [1, 2, 3, 4, 5, 6, 7],
    duplicates: [1, 'a', 1, { k: 1 }, { k: 1 }, 'a'],
    encoded: 'SGVsbG8gV29ybGQ=',
    other: { count: 4, extra: true },
    csv: 'a,b,c',
  };
  return calls.map((call) => ({ name: call, definition: single(pass({ Parameters: { 'value.$': call } }, false)), input }));
}

function choiceCases(): CrossCheckCase[] {
  const rules: Record<string, unknown>[] = [
    { Variable: '$.s', StringEquals: 'abc' },
    { Variable: '$.s', StringLessThan: 'abd' },
    { Variable: '$.s', StringGreaterThanEquals: 'abc' },
    { Variable: '$.s', StringMatches: 'a*c' },
    { Variable: '$.s', StringMatches: 'x*' },
    { Variable: '$.s', StringEqualsPath: '$.t' },
    { Variable: '$.n', NumericEquals: 10 },
    { Variable: '$.n', NumericLessThan: 10.5 },
    { Variable: '$.n', NumericGreaterThanPath: '$.m' },
    { Variable: '$.n', NumericLessThanEqualsPath: '$.m' },
    { Variable: '$.s', NumericEquals: 10 },
    { Variable: '$.b', BooleanEquals: false },
    { Variable: '$.b', BooleanEqualsPath: '$.b' },
    { Variable: '$.ts', TimestampLessThan: '2024-01-02T00:00:00Z' },
    { Variable: '$.ts', TimestampEqualsPath: '$.ts' },
    { Variable: '$.ts', TimestampGreaterThan: '2023-12-31T23:59:59+01:00' },
    { Variable: '$.nothing', IsNull: true },
    { Variable: '$.nothing', IsPresent: true },
    { Variable: '$.n', IsNumeric: true },
    { Variable: '$.s', IsString: false },
    { Variable: '$.b', IsBoolean: true },
    { Variable: '$.ts', IsTimestamp: true },
    { And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Not: { Variable: '$.s', StringEquals: 'x' } }] },
    {
      Or: [
        { Variable: '$.n', NumericLessThan: 1 },
        { Variable: '$.b', BooleanEquals: true },
      ],
    },
  ];
  const input = { s: 'abc', t: 'abc', n: 10, m: 12, b: false, ts: '2024-01-01T00:00:00Z', nothing: null };
  return rules.map((rule) => ({
    name: `Choice ${JSON.stringify(rule)}`,
    definition: {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
        Yes: pass({ Result: 'yes' }),
        No: pass({ Result: 'no' }),
      },
    },
    input,
  }));
}

function errorCases(): CrossCheckCase[] {
  const failing =
    (times: number, error = 'Custom.Error') =>
    () => {
      let calls = 0;
      return {
        T: (input: unknown) => {
          if (calls++ < times) throw taskError(error, `failure ${calls}`);
          return { ok: input };
        },
      };
    };
  const task = (fields: Record<string, unknown>) => ({
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:t', ...fields, End: true }, Caught: pass({}) },
  });
  return [
    {
      name: 'Retry succeeds on the third attempt',
      definition: task({ Retry: [{ ErrorEquals: ['Custom.Error'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['Other'], Next: 'Caught' }] }),
      input: { a: 1 },
      handlers: failing(2),
    },
    {
      name: 'Retry exhausted, then Catch into ResultPath',
      definition: task({
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
        Catch: [{ ErrorEquals: ['Custom.Error'], ResultPath: '$.error', Next: 'Caught' }],
      }),
      input: { a: 1 },
      handlers: failing(5),
    },
    {
      name: 'MaxAttempts 0 never retries',
      definition: task({
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      }),
      input: {},
      handlers: failing(1),
    },
    {
      name: 'States.TaskFailed catches a custom error',
      definition: task({
        Catch: [
          { ErrorEquals: ['Other'], Next: 'Caught' },
          { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.e', Next: 'Caught' },
        ],
      }),
      input: { a: 1 },
      handlers: failing(1),
    },
    {
      name: 'an unhandled task error fails the execution',
      definition: task({ Catch: [{ ErrorEquals: ['Other'], Next: 'Caught' }] }),
      input: {},
      handlers: failing(1),
    },
    {
      name: 'a Fail state fails with its error',
      definition: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'MyError', Cause: 'because' } } },
      input: {},
    },
    {
      name: 'no Choice rule matched',
      definition: {
        StartAt: 'C',
        States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', NumericEquals: 1, Next: 'P' }] }, P: pass({}) },
      },
      input: { a: 2 },
    },
    {
      name: 'a Parallel branch failure is caught on the Parallel state',
      definition: {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'A', States: { A: pass({ Result: 1 }) } },
              { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'BranchError', Cause: 'c' } } },
            ],
            Catch: [{ ErrorEquals: ['BranchError'], ResultPath: '$.failure', Next: 'Done' }],
            End: true,
          },
          Done: pass({}),
        },
      },
      input: { x: 1 },
    },
  ];
}

function mapAndParallelCases(): CrossCheckCase[] {
  const processor = (states: Record<string, unknown>, start = 'I') => ({ StartAt: start, States: states });
  return [
    {
      name: 'Map over ItemsPath with ItemSelector and the Map context',
      definition: single({
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'index.$': '$$.Map.Item.Index', 'value.$': '$$.Map.Item.Value.id', 'owner.$': '$.meta.owner.name' },
        ItemProcessor: processor({ I: pass({}) }),
        ResultPath: '$.mapped',
      }),
      input: items,
    },
    {
      name: 'Map with legacy Iterator and Parameters, MaxConcurrency 2',
      definition: single({
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 2,
        Parameters: { 'p.$': '$$.Map.Item.Value.price' },
        Iterator: processor({ I: pass({ Parameters: { 'double.$': 'States.MathAdd($.p, $.p)' } }) }),
      }),
      input: items,
    },
    {
      name: 'nested Maps',
      definition: single({
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: processor({
          I: { Type: 'Map', ItemsPath: '$.tags', ItemProcessor: processor({ J: pass({ Parameters: { 'tag.$': '$' } }) }, 'J'), End: true },
        }),
        OutputPath: '$[1:]',
      }),
      input: items,
    },
    {
      name: 'Map with a task per item',
      definition: single({
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: processor({
          I: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:price', ResultPath: '$.priced', End: true },
        }),
      }),
      input: items,
      handlers: () => ({ I: (item: unknown) => ({ cents: (item as { price: number }).price * 100 }) }),
    },
    {
      name: 'Parallel with ResultSelector',
      definition: single({
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: pass({ Result: 'a' }) } },
          { StartAt: 'B', States: { B: pass({ InputPath: '$.meta' }) } },
        ],
        ResultSelector: { 'first.$': '$[0]', 'second.$': '$[1].owner' },
      }),
      input: items,
    },
    {
      name: 'an empty Map',
      definition: single({ Type: 'Map', ItemsPath: '$.none', ItemProcessor: processor({ I: pass({}) }) }),
      input: { none: [] },
    },
  ];
}

export function crossCheckCases(): CrossCheckCase[] {
  return [
    ...referenceCases(),
    ...corpusCases(),
    ...pathCases(),
    ...intrinsicCases(),
    ...choiceCases(),
    ...errorCases(),
    ...mapAndParallelCases(),
  ];
}
