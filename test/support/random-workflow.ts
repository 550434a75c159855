import fc from 'fast-check';
import {
  and,
  bool,
  format,
  isBoolean,
  isNull,
  isNumeric,
  isPresent,
  isString,
  isTimestamp,
  matches,
  mathAdd,
  not,
  num,
  or,
  str,
  sub,
  timestamp,
  untyped,
  uuid,
  workflow,
  type Condition,
} from '@typestep/dsl';

/*
 * Random VALID workflows for property tests.
 *
 * 1. fast-check generates a plain-data *spec* of a workflow (a tree of sequences and states)
 *    whose values all lie within the ranges AWS accepts; `normalize` repairs the few graph shapes
 *    that would be invalid (a state after a Choice whose branches all jump away, a Choice branch
 *    that falls off the end of a scope, a scope with no terminal state). fast-check shrinks the
 *    raw spec and the repair runs again, so shrunk specs stay valid.
 * 2. `resolve` names every state (unique in the whole machine; the label itself when free) and
 *    turns each jump's random pick into the name of a state of the same `States` object.
 * 3. `buildWorkflow(spec)` makes the DSL builder calls the spec describes.
 * 4. `expectedDefinition(spec)` is an independent model of the ASL those calls must produce,
 *    written from the ASL specification and AWS's documentation, not from the compiler's code:
 *    comparing the two (after `canonical`, which normalises JSONPath and intrinsic spelling)
 *    checks what the emitted JSON *means*, not only that validators accept it.
 *
 * The builder goes through the DSL's untyped surface (`untyped` input, `any` chains): the typing
 * is tested elsewhere; here the shapes and values are what matters.
 */

// ───────────────────────────── spec ─────────────────────────────

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A path: `$.a.b` in the data, or one of a few `$$` context paths. */
export type PathSpec = { readonly root: '$'; readonly fields: readonly string[] } | { readonly root: '$$'; readonly context: readonly string[] };

export type TemplateValueSpec =
  | { readonly t: 'lit'; readonly value: Json }
  | { readonly t: 'path'; readonly path: PathSpec }
  | { readonly t: 'sub'; readonly name: string }
  | { readonly t: 'format'; readonly parts: readonly string[]; readonly args: readonly (PathSpec | string)[] }
  | { readonly t: 'uuid' }
  | { readonly t: 'add'; readonly path: PathSpec; readonly n: number }
  | { readonly t: 'obj'; readonly template: TemplateSpec };

export type TemplateSpec = readonly (readonly [string, TemplateValueSpec])[];

export type CompareOp = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';

export type ConditionSpec =
  | { readonly c: 'cmp'; readonly family: 'str' | 'num' | 'ts'; readonly op: CompareOp; readonly path: PathSpec; readonly value: string | number | PathSpec }
  | { readonly c: 'bool'; readonly path: PathSpec; readonly value: boolean | PathSpec }
  | { readonly c: 'matches'; readonly path: PathSpec; readonly pattern: string }
  | { readonly c: 'test'; readonly test: TypeTest; readonly path: PathSpec; readonly value: boolean }
  | { readonly c: 'and' | 'or'; readonly items: readonly ConditionSpec[] }
  | { readonly c: 'not'; readonly item: ConditionSpec };

export type TypeTest = 'isPresent' | 'isNull' | 'isString' | 'isNumeric' | 'isBoolean' | 'isTimestamp';

export interface RetryFields {
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: 'FULL' | 'NONE';
  readonly comment?: string;
}

/** Retriers, with an optional final `States.ALL` one (which must be alone and last). */
export interface RetryListSpec {
  readonly retriers: readonly (RetryFields & { readonly errors: readonly string[] })[];
  readonly catchAll?: RetryFields;
}

/** A jump: `pick` chooses among the states of the same `States` object; `resolve` fills `target`. */
export interface Jump {
  readonly pick: number;
  readonly target?: string;
}

export type HandlerSpec = ({ readonly h: 'goto' } & Jump) | { readonly h: 'seq'; readonly seq: SeqSpec };

export interface CatchSpec {
  readonly errors: readonly string[];
  /** Catch `States.ALL` instead of `errors` (honoured on the last catcher only). */
  readonly all: boolean;
  readonly resultPath?: ResultPathValue;
  readonly comment?: string;
  readonly handler: HandlerSpec;
}

export type ResultPathValue = '$' | '$.result' | '$.out.detail' | '$.r0' | null;

interface Common {
  readonly label: string;
  readonly comment?: string;
  /** Filled in by `resolve`. */
  readonly name?: string;
}

export type ResourceSpec =
  | { readonly r: 'lambda' | 'activity'; readonly name: string }
  | { readonly r: 'sub'; readonly name: string }
  | { readonly r: 'invoke' | 'sns' | 'ddb' };

export type SecondsSpec = { readonly seconds: number } | { readonly path: PathSpec };

export interface TaskSpec extends Common {
  readonly kind: 'task';
  readonly resource: ResourceSpec;
  readonly inputPath?: PathSpec;
  readonly parameters?: TemplateSpec;
  readonly resultSelector?: TemplateSpec;
  readonly resultPath?: ResultPathValue;
  readonly outputPath?: PathSpec;
  readonly retry?: RetryListSpec;
  readonly catch?: readonly CatchSpec[];
  readonly timeout?: SecondsSpec;
  readonly heartbeat?: SecondsSpec;
}

export interface PassSpec extends Common {
  readonly kind: 'pass';
  readonly inputPath?: PathSpec;
  readonly body?: { readonly result: Json } | { readonly parameters: TemplateSpec };
  readonly resultPath?: ResultPathValue;
  readonly outputPath?: PathSpec;
}

export type WaitTimeSpec = { readonly seconds: number } | { readonly timestamp: string } | { readonly secondsPath: PathSpec } | { readonly timestampPath: PathSpec };

export interface WaitSpec extends Common {
  readonly kind: 'wait';
  readonly time: WaitTimeSpec;
  readonly inputPath?: PathSpec;
  readonly outputPath?: PathSpec;
}

export type BranchSpec = ({ readonly b: 'goto' } & Jump) | { readonly b: 'seq'; readonly seq: SeqSpec };

export interface ChoiceSpec extends Common {
  readonly kind: 'choice';
  readonly rules: readonly { readonly condition: ConditionSpec; readonly comment?: string; readonly target: BranchSpec }[];
  readonly otherwise?: BranchSpec;
}

export interface ParallelSpec extends Common {
  readonly kind: 'parallel';
  readonly branches: readonly SeqSpec[];
  readonly inputPath?: PathSpec;
  readonly resultSelector?: TemplateSpec;
  readonly resultPath?: ResultPathValue;
  readonly outputPath?: PathSpec;
  readonly retry?: RetryListSpec;
  readonly catch?: readonly CatchSpec[];
}

export interface MapSpec extends Common {
  readonly kind: 'map';
  readonly form: 'itemProcessor' | 'inlineProcessor' | 'iterator';
  readonly processor: SeqSpec;
  readonly inputPath?: PathSpec;
  readonly itemsPath?: PathSpec;
  readonly itemSelector?: TemplateSpec;
  readonly maxConcurrency?: number;
  readonly resultPath?: ResultPathValue;
  readonly retry?: RetryListSpec;
  readonly catch?: readonly CatchSpec[];
}

export type StepSpec = TaskSpec | PassSpec | WaitSpec | ChoiceSpec | ParallelSpec | MapSpec;

export type EndSpec =
  | ({ readonly end: 'succeed'; readonly inputPath?: PathSpec; readonly outputPath?: PathSpec } & Common)
  | ({ readonly end: 'fail'; readonly error?: string; readonly cause?: string; readonly errorPath?: PathSpec; readonly causePath?: PathSpec } & Common)
  | ({ readonly end: 'goto' } & Jump);

/** A sequence of states, optionally closed by a Succeed / Fail state or a jump. */
export interface SeqSpec {
  readonly steps: readonly StepSpec[];
  readonly end?: EndSpec;
}

export interface WorkflowSpec {
  readonly name: string;
  readonly comment?: string;
  readonly timeoutSeconds?: number;
  readonly version?: '1.0';
  readonly body: SeqSpec;
}

// ───────────────────────────── arbitraries ─────────────────────────────

export interface GeneratorOptions {
  /** How deep states may nest (Choice branches, Parallel branches, Map processors, Catch handlers). */
  readonly depth?: number;
  /**
   * Also use names of `Object.prototype` members (`__proto__`, `constructor`, `toString`…) as
   * state names, field names and template keys: all valid in ASL, and a classic way for JSON
   * built with `object[key] = value` to lose or mangle a key.
   */
  readonly prototypeNames?: boolean;
}

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const ascii = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const japanese = fc.constantFrom(...'あいうえおかきくけこ日本語状態機械処理開始終了テスト');
const space = fc.constant(' ');

/** Free text (comments, literal strings): spaces, Japanese, quotes, backslashes, newlines, emoji. No `{` (so no `${…}` or `{% … %}`). */
const text = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: ascii },
    { weight: 3, arbitrary: japanese },
    { weight: 3, arbitrary: space },
    { weight: 1, arbitrary: fc.constantFrom('"', "'", '\\', '\n', '\t', 'é', '🙂', '$', '}', '.', ',', '*', '%') },
  ),
  maxLength: 40,
});

/**
 * Text inside intrinsic calls (States.Format's template and string arguments): everything `text`
 * holds but a backslash. The DSL escapes `'`, `{`, `}` and `\` with a backslash as AWS requires,
 * but asl-validator 4.0.0 (asl-path-validator 0.16.1) rejects an escaped backslash: its grammar's
 * `escaped = "\\" allchars` has `allchars = [^\\n]` — "not a backslash and not the letter n" where
 * "not a newline" was meant — so `States.Format('{}', '\\')` fails there. An oracle limitation,
 * steered clear of.
 */
const intrinsicText = text.map((value) => value.replace(/\\/g, '/'));

const jsonNumber = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));

const timestampText = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const compareOp = fc.constantFrom<CompareOp>('eq', 'lt', 'lte', 'gt', 'gte');

const errorName = fc.constantFrom(
  'States.TaskFailed',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.Permissions',
  'States.ResultPathMatchFailure',
  'Lambda.ServiceException',
  'MyApp.Error',
  'カスタム エラー',
);
const errorList = fc.uniqueArray(errorName, { minLength: 1, maxLength: 3 });

const retryFields: fc.Arbitrary<RetryFields> = fc.record(
  {
    intervalSeconds: fc.integer({ min: 1, max: 3600 }),
    maxAttempts: fc.integer({ min: 0, max: 10 }),
    backoffRate: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1, max: 5, noNaN: true })),
    maxDelaySeconds: fc.integer({ min: 1, max: 31_622_400 }),
    jitterStrategy: fc.constantFrom('FULL' as const, 'NONE' as const),
    comment: text,
  },
  { requiredKeys: [] },
);

const retryList: fc.Arbitrary<RetryListSpec> = fc.record(
  {
    retriers: fc.array(fc.tuple(errorList, retryFields).map(([errors, fields]) => ({ errors, ...fields })), { maxLength: 2 }),
    catchAll: retryFields,
  },
  { requiredKeys: ['retriers'] },
);

const resultPath = fc.constantFrom<ResultPathValue>('$', '$.result', '$.out.detail', '$.r0', null);
const pick = fc.nat({ max: 1000 });

/** Where a sequence stands: a whole `States` object, a Choice branch, or a Catch handler. */
type SeqContext = 'scope' | 'branch' | 'handler';

/** Random valid workflow specs (normalized and resolved: every state named, every jump targeted). */
export function workflowSpec(options: GeneratorOptions = {}): fc.Arbitrary<WorkflowSpec> {
  const depth = options.depth ?? 3;
  const special = options.prototypeNames ? [{ weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) }] : [];

  /** State-name labels: letters, digits, spaces, Japanese, the seeds' punctuation; up to 80 characters. */
  const label = fc.oneof(
    {
      weight: 10,
      arbitrary: fc.string({
        unit: fc.oneof({ weight: 6, arbitrary: ascii }, { weight: 2, arbitrary: japanese }, { weight: 2, arbitrary: space }, { weight: 1, arbitrary: fc.constantFrom('-', '_', '(', ')', '?', '.', '$', "'") }),
        minLength: 1,
        maxLength: 30,
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: fc.oneof(ascii, japanese), minLength: 75, maxLength: 80 }) },
    ...special,
  );

  /** Field names, including ones JSONPath needs brackets (and escapes) for. */
  const fieldName = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'id', 'items', 'price', 'status', 'Payload', 'detail', 'when', 'count', 'x_1') },
    { weight: 1, arbitrary: fc.constantFrom('with space', '日本語', 'a-b', '0', '12', "it's", 'a.b', 'a[0]', '$', '*', '') },
    ...special,
  );

  const dataPath: fc.Arbitrary<PathSpec> = fc.array(fieldName, { minLength: 1, maxLength: 3 }).map((fields) => ({ root: '$' as const, fields }));
  const contextPath: fc.Arbitrary<PathSpec> = fc
    .constantFrom(['Execution', 'Id'], ['Execution', 'StartTime'], ['Execution', 'Name'], ['State', 'Name'], ['State', 'EnteredTime'], ['StateMachine', 'Id'])
    .map((context) => ({ root: '$$' as const, context }));
  const anyPath = fc.oneof({ weight: 4, arbitrary: dataPath }, { weight: 1, arbitrary: contextPath });

  /** Keys of literal JSON and templates: never ASL keywords (`States`, `Next`… confuse asl-validator's `$..` searches), never `.$`. */
  const key = fc.oneof(fc.constantFrom('k', 'name', 'value', 'list', 'nested', 'flag', 'キー', 'with space', 'n0'), fc.stringMatching(/^[a-z]{1,8}$/), ...special);

  const jsonOf = (arrayItem: (item: fc.Arbitrary<Json>) => fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
    fc.letrec<{ json: Json }>((tie) => ({
      json: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        jsonNumber,
        fc.boolean(),
        fc.constant(null),
        fc.array(arrayItem(tie('json')), { maxLength: 3 }),
        fc.uniqueArray(fc.tuple(key, tie('json')), { selector: ([name]) => name, maxLength: 3 }).map(objectOf),
      ),
    })).json;

  /** Any JSON (a Pass state's Result). */
  const json = jsonOf((item) => item);

  /**
   * JSON literals inside payload templates: any JSON but, as an array element, `null`, `""` or a
   * string with a line break. All three are valid ASL (a template's literal parts are plain
   * JSON), but asl-validator 4.0.0's `asl_payload_template` schema types an array element as an
   * object, an array, a boolean, a number or `not_jsonata` — a string matching
   * `^(?!\{% )(.+)(?! %\})$`, where `.+` refuses the empty string and (no `s` flag) any line
   * break — so `{"list": [null]}`, `{"list": [""]}` and `{"list": ["a\nb"]}` fail there. An
   * oracle limitation, steered clear of.
   */
  const templateJson = jsonOf((item) => item.filter((value) => value !== null && !(typeof value === 'string' && !/^.+$/.test(value))));

  const formatValue: fc.Arbitrary<TemplateValueSpec> = fc
    .array(fc.oneof(dataPath, intrinsicText), { maxLength: 3 })
    .chain((args) => fc.array(intrinsicText, { minLength: args.length + 1, maxLength: args.length + 1 }).map((parts) => ({ t: 'format' as const, parts, args })));

  const templateValue = (level: number): fc.Arbitrary<TemplateValueSpec> =>
    fc.oneof(
      { weight: 3, arbitrary: templateJson.map((value) => ({ t: 'lit' as const, value })) },
      { weight: 3, arbitrary: anyPath.map((path) => ({ t: 'path' as const, path })) },
      { weight: 1, arbitrary: fc.constantFrom('WorkerFunctionArn', 'DDBTable', 'AlertsTopicArn').map((name) => ({ t: 'sub' as const, name })) },
      { weight: 1, arbitrary: formatValue },
      { weight: 1, arbitrary: fc.constant({ t: 'uuid' as const }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('add' as const), path: dataPath, n: fc.integer({ min: -2147483648, max: 2147483647 }) }) },
      ...(level > 0 ? [{ weight: 1, arbitrary: template(level - 1).map((inner) => ({ t: 'obj' as const, template: inner })) }] : []),
    );

  /** A payload template: unique keys (so no two collide once `.$` is added). */
  const template = (level = 1): fc.Arbitrary<TemplateSpec> =>
    fc.uniqueArray(fc.tuple(key, templateValue(level)), { selector: ([name]) => name, minLength: 1, maxLength: 4 });

  const condition: fc.Arbitrary<ConditionSpec> = fc.letrec<{ condition: ConditionSpec }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ c: fc.constant('cmp' as const), family: fc.constant('str' as const), op: compareOp, path: dataPath, value: fc.oneof(text, dataPath) }),
      fc.record({ c: fc.constant('cmp' as const), family: fc.constant('num' as const), op: compareOp, path: dataPath, value: fc.oneof(jsonNumber, dataPath) }),
      fc.record({ c: fc.constant('cmp' as const), family: fc.constant('ts' as const), op: compareOp, path: dataPath, value: fc.oneof(timestampText, dataPath) }),
      fc.record({ c: fc.constant('bool' as const), path: dataPath, value: fc.oneof(fc.boolean(), dataPath) }),
      fc.record({ c: fc.constant('matches' as const), path: dataPath, pattern: fc.string({ unit: fc.oneof(ascii, japanese, space, fc.constant('*')), maxLength: 12 }) }),
      fc.record({
        c: fc.constant('test' as const),
        test: fc.constantFrom<TypeTest>('isPresent', 'isNull', 'isString', 'isNumeric', 'isBoolean', 'isTimestamp'),
        path: dataPath,
        value: fc.boolean(),
      }),
      fc.record({ c: fc.constantFrom('and' as const, 'or' as const), items: fc.array(tie('condition'), { minLength: 2, maxLength: 3 }) }),
      fc.record({ c: fc.constant('not' as const), item: tie('condition') }),
    ),
  })).condition;

  const common = { label, comment: text };

  const catchList = (level: number): fc.Arbitrary<readonly CatchSpec[]> =>
    fc.array(
      fc.record(
        {
          errors: errorList,
          all: fc.boolean(),
          resultPath,
          comment: text,
          handler:
            level > 0
              ? fc.oneof(pick.map((p) => ({ h: 'goto' as const, pick: p })), seq(level - 1, 'handler').map((s) => ({ h: 'seq' as const, seq: s })))
              : pick.map((p) => ({ h: 'goto' as const, pick: p })),
        },
        { requiredKeys: ['errors', 'all', 'handler'] },
      ),
      { maxLength: 2 },
    );

  const seconds: fc.Arbitrary<SecondsSpec> = fc.oneof(fc.record({ seconds: fc.integer({ min: 1, max: 99_999_999 }) }), fc.record({ path: dataPath }));

  const task = (level: number): fc.Arbitrary<StepSpec> =>
    fc.record(
      {
        kind: fc.constant('task' as const),
        ...common,
        resource: fc.oneof(
          fc.record({ r: fc.constantFrom('lambda' as const, 'activity' as const), name: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/) }),
          fc.record({ r: fc.constant('sub' as const), name: fc.constantFrom('WorkerFunctionArn', 'LambdaFunction', 'ProcessFunction') }),
          fc.record({ r: fc.constantFrom('invoke' as const, 'sns' as const, 'ddb' as const) }),
        ),
        inputPath: anyPath,
        parameters: template(),
        resultSelector: template(0),
        resultPath,
        outputPath: dataPath,
        retry: retryList,
        catch: catchList(level),
        timeout: seconds,
        heartbeat: seconds,
      },
      { requiredKeys: ['kind', 'label', 'resource'] },
    );

  const pass: fc.Arbitrary<StepSpec> = fc.record(
    {
      kind: fc.constant('pass' as const),
      ...common,
      inputPath: anyPath,
      body: fc.oneof(fc.record({ result: json }), fc.record({ parameters: template() })),
      resultPath,
      outputPath: dataPath,
    },
    { requiredKeys: ['kind', 'label'] },
  );

  const wait: fc.Arbitrary<StepSpec> = fc.record(
    {
      kind: fc.constant('wait' as const),
      ...common,
      time: fc.oneof(
        fc.record({ seconds: fc.integer({ min: 0, max: 99_999_999 }) }),
        fc.record({ timestamp: timestampText }),
        fc.record({ secondsPath: dataPath }),
        fc.record({ timestampPath: dataPath }),
      ),
      inputPath: dataPath,
      outputPath: dataPath,
    },
    { requiredKeys: ['kind', 'label', 'time'] },
  );

  const branch = (level: number): fc.Arbitrary<BranchSpec> =>
    fc.oneof(
      { weight: 1, arbitrary: pick.map((p) => ({ b: 'goto' as const, pick: p })) },
      { weight: 3, arbitrary: seq(level, 'branch').map((s) => ({ b: 'seq' as const, seq: s })) },
    );

  const choice = (level: number): fc.Arbitrary<StepSpec> =>
    fc.record(
      {
        kind: fc.constant('choice' as const),
        ...common,
        rules: fc.array(fc.record({ condition, comment: text, target: branch(level) }, { requiredKeys: ['condition', 'target'] }), { minLength: 1, maxLength: 3 }),
        otherwise: branch(level),
      },
      { requiredKeys: ['kind', 'label', 'rules'] },
    );

  const parallel = (level: number): fc.Arbitrary<StepSpec> =>
    fc.record(
      {
        kind: fc.constant('parallel' as const),
        ...common,
        branches: fc.array(seq(level, 'scope'), { minLength: 1, maxLength: 3 }),
        inputPath: anyPath,
        resultSelector: template(0),
        resultPath,
        outputPath: dataPath,
        retry: retryList,
        catch: catchList(level),
      },
      { requiredKeys: ['kind', 'label', 'branches'] },
    );

  const mapItemSelector: fc.Arbitrary<TemplateSpec> = fc
    .tuple(template(0), fc.constantFrom(['Map', 'Item', 'Value'], ['Map', 'Item', 'Index']))
    .map(([inner, context]) => [['item', { t: 'path', path: { root: '$$', context } }] as const, ...inner.filter(([name]) => name !== 'item')]);

  const map = (level: number): fc.Arbitrary<StepSpec> =>
    fc.record(
      {
        kind: fc.constant('map' as const),
        ...common,
        form: fc.constantFrom('itemProcessor' as const, 'inlineProcessor' as const, 'iterator' as const),
        processor: seq(level, 'scope'),
        inputPath: dataPath,
        itemsPath: dataPath,
        itemSelector: mapItemSelector,
        maxConcurrency: fc.integer({ min: 0, max: 1000 }),
        resultPath,
        retry: retryList,
        catch: catchList(level),
      },
      { requiredKeys: ['kind', 'label', 'form', 'processor'] },
    );

  const step = (level: number): fc.Arbitrary<StepSpec> => {
    const leaves = [
      { weight: 4, arbitrary: task(Math.max(0, level - 1)) },
      { weight: 3, arbitrary: pass },
      { weight: 2, arbitrary: wait },
    ];
    if (level <= 0) return fc.oneof(...leaves);
    return fc.oneof(...leaves, { weight: 3, arbitrary: choice(level - 1) }, { weight: 2, arbitrary: parallel(level - 1) }, { weight: 2, arbitrary: map(level - 1) });
  };

  const endSpec = (context: SeqContext): fc.Arbitrary<EndSpec> =>
    fc.oneof(
      fc.record({ end: fc.constant('succeed' as const), ...common, inputPath: dataPath, outputPath: dataPath }, { requiredKeys: ['end', 'label'] }),
      fc.record({ end: fc.constant('fail' as const), ...common, error: text, cause: text, errorPath: dataPath, causePath: dataPath }, { requiredKeys: ['end', 'label'] }),
      ...(context === 'scope' ? [] : [pick.map((p) => ({ end: 'goto' as const, pick: p }))]),
    );

  function seq(level: number, context: SeqContext): fc.Arbitrary<SeqSpec> {
    return fc.record(
      { steps: fc.array(step(level), { minLength: context === 'branch' ? 0 : 1, maxLength: level >= 2 ? 4 : 3 }), end: endSpec(context) },
      { requiredKeys: ['steps'] },
    );
  }

  return fc
    .record(
      {
        name: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
        comment: text,
        timeoutSeconds: fc.integer({ min: 1, max: 99_999_999 }),
        version: fc.constant('1.0' as const),
        body: seq(depth, 'scope'),
      },
      { requiredKeys: ['name', 'body'] },
    )
    .map((raw) => resolve(normalize(raw)));
}

/** An object with these own keys, `__proto__` included (an object literal or `obj[key] =` would not make it own). */
function objectOf<V>(entries: readonly (readonly [string, V])[]): { [key: string]: V } {
  const out: { [key: string]: V } = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

// ───────────────────────────── repair ─────────────────────────────

/** Where a sequence's open ends are: a state's Next/End, and/or a Choice rule or default with no target yet. */
interface Ends {
  readonly state: boolean;
  readonly slot: boolean;
}
const CLOSED: Ends = { state: false, slot: false };
const union = (a: Ends, b: Ends): Ends => ({ state: a.state || b.state, slot: a.slot || b.slot });
const isClosed = (ends: Ends) => !ends.state && !ends.slot;

const branchesOf = (st: ChoiceSpec): BranchSpec[] => [...st.rules.map((rule) => rule.target), ...(st.otherwise ? [st.otherwise] : [])];

function seqEnds(s: SeqSpec): Ends {
  if (s.end) return CLOSED;
  const last = s.steps.at(-1);
  return last ? stepEnds(last) : { state: false, slot: true };
}

function stepEnds(st: StepSpec): Ends {
  if (st.kind !== 'choice') return { state: true, slot: false };
  return branchesOf(st).reduce((ends, b) => union(ends, b.b === 'goto' ? CLOSED : seqEnds(b.seq)), CLOSED);
}

/** True when the sequence puts a terminal state (Succeed, Fail, `"End": true`) into its `States` object. */
function hasTerminal(s: SeqSpec, context: SeqContext): boolean {
  if (s.end && s.end.end !== 'goto') return true;
  if (context !== 'branch' && seqEnds(s).state) return true; // open ends of a scope or handler become "End": true
  return s.steps.some(
    (st) =>
      (st.kind === 'choice' && branchesOf(st).some((b) => b.b === 'seq' && hasTerminal(b.seq, 'branch'))) ||
      ('catch' in st && (st.catch ?? []).some((c) => c.handler.h === 'seq' && hasTerminal(c.handler.seq, 'handler'))),
  );
}

const OPEN_BRANCH: BranchSpec = { b: 'seq', seq: { steps: [] } };
const DONE: EndSpec = { end: 'succeed', label: 'Done' };

function normalize(spec: WorkflowSpec): WorkflowSpec {
  return { ...spec, body: normalizeSeq(spec.body, 'scope') };
}

function normalizeSeq(s: SeqSpec, context: SeqContext): SeqSpec {
  const steps = s.steps.map(normalizeStep);
  // A state (or a Succeed/Fail) after a Choice is reachable only if one of its branches falls through.
  const followed = (i: number) => i < steps.length - 1 || (s.end !== undefined && s.end.end !== 'goto');
  steps.forEach((st, i) => {
    if (st.kind === 'choice' && followed(i) && isClosed(stepEnds(st))) steps[i] = { ...st, otherwise: OPEN_BRANCH };
  });
  let result: SeqSpec = { steps, ...(s.end && { end: s.end }) };
  if (context === 'branch') return result;
  // A Choice branch cannot end a scope or a handler (a Choice has no End): close it with a Succeed.
  if (seqEnds(result).slot) result = { ...result, end: DONE };
  // Every `States` object needs a terminal state.
  if (context === 'scope' && !hasTerminal(result, 'scope')) {
    const last = steps.at(-1);
    if (last?.kind !== 'choice') throw new Error('normalize: a scope without a terminal state must end in a closed Choice');
    result = { steps: [...steps.slice(0, -1), { ...last, otherwise: OPEN_BRANCH }], end: DONE };
  }
  return result;
}

function normalizeStep(st: StepSpec): StepSpec {
  const catches = (list: readonly CatchSpec[] | undefined) =>
    list?.map((c) => (c.handler.h === 'seq' ? { ...c, handler: { h: 'seq' as const, seq: normalizeSeq(c.handler.seq, 'handler') } } : c));
  const branchOf = (b: BranchSpec): BranchSpec => (b.b === 'seq' ? { b: 'seq', seq: normalizeSeq(b.seq, 'branch') } : b);
  switch (st.kind) {
    case 'task': {
      // HeartbeatSeconds must be below TimeoutSeconds.
      let heartbeat = st.heartbeat;
      if (heartbeat && 'seconds' in heartbeat && st.timeout && 'seconds' in st.timeout && heartbeat.seconds >= st.timeout.seconds) {
        heartbeat = st.timeout.seconds > 1 ? { seconds: st.timeout.seconds - 1 } : undefined;
      }
      const { heartbeat: _dropped, ...rest } = st;
      return { ...rest, ...(heartbeat && { heartbeat }), ...(st.catch && { catch: catches(st.catch)! }) };
    }
    case 'choice':
      return { ...st, rules: st.rules.map((r) => ({ ...r, target: branchOf(r.target) })), ...(st.otherwise && { otherwise: branchOf(st.otherwise) }) };
    case 'parallel':
      return { ...st, branches: st.branches.map((b) => normalizeSeq(b, 'scope')), ...(st.catch && { catch: catches(st.catch)! }) };
    case 'map':
      return { ...st, processor: normalizeSeq(st.processor, 'scope'), ...(st.catch && { catch: catches(st.catch)! }) };
    default:
      return st;
  }
}

// ───────────────────────────── names and jump targets ─────────────────────────────

/**
 * Names every state — its label when that is free and at most 80 characters, else the label cut
 * short with a `_<n>` suffix — and resolves each jump's pick among the states declared so far in
 * the same `States` object (the state doing the jumping included).
 */
function resolve(spec: WorkflowSpec): WorkflowSpec {
  const used = new Set<string>();
  let counter = 0;
  const fresh = (label: string) => {
    if (!used.has(label) && label.length <= 80) return used.add(label), label;
    for (;;) {
      const suffix = `_${++counter}`;
      const candidate = `${label.slice(0, 80 - suffix.length)}${suffix}`;
      if (!used.has(candidate)) return used.add(candidate), candidate;
    }
  };
  const target = (scope: readonly string[], pickIndex: number) => scope[pickIndex % scope.length]!;

  function seqOf(s: SeqSpec, scope: string[]): SeqSpec {
    const steps = s.steps.map((st) => stepOf(st, scope));
    const end = s.end && (s.end.end === 'goto' ? { ...s.end, target: target(scope, s.end.pick) } : declare(s.end, scope));
    return { steps, ...(end && { end }) };
  }
  function declare<T extends Common>(node: T, scope: string[]): T {
    const name = fresh(node.label);
    scope.push(name);
    return { ...node, name };
  }
  const catches = (list: readonly CatchSpec[] | undefined, scope: string[]) =>
    list?.map((c) => ({
      ...c,
      handler: c.handler.h === 'goto' ? { ...c.handler, target: target(scope, c.handler.pick) } : { h: 'seq' as const, seq: seqOf(c.handler.seq, scope) },
    }));
  function stepOf(st: StepSpec, scope: string[]): StepSpec {
    const named = declare(st, scope);
    switch (named.kind) {
      case 'task':
        return { ...named, ...(named.catch && { catch: catches(named.catch, scope)! }) };
      case 'choice': {
        const branchOf = (b: BranchSpec): BranchSpec => (b.b === 'goto' ? { ...b, target: target(scope, b.pick) } : { b: 'seq', seq: seqOf(b.seq, scope) });
        return { ...named, rules: named.rules.map((r) => ({ ...r, target: branchOf(r.target) })), ...(named.otherwise && { otherwise: branchOf(named.otherwise) }) };
      }
      case 'parallel':
        return { ...named, branches: named.branches.map((b) => seqOf(b, [])), ...(named.catch && { catch: catches(named.catch, scope)! }) };
      case 'map':
        return { ...named, processor: seqOf(named.processor, []), ...(named.catch && { catch: catches(named.catch, scope)! }) };
      default:
        return named;
    }
  }
  return { ...spec, body: seqOf(spec.body, []) };
}

// ───────────────────────────── builder ─────────────────────────────

const ACCOUNT = '123456789012';
const nameOf = (node: { readonly name?: string }) => node.name ?? fail('unresolved spec: a state has no name');
const targetOf = (jump: Jump) => jump.target ?? fail('unresolved spec: a jump has no target');
function fail(message: string): never {
  throw new Error(message);
}

function resourceOf(r: ResourceSpec): string {
  switch (r.r) {
    case 'lambda':
      return `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${r.name}`;
    case 'activity':
      return `arn:aws:states:us-east-1:${ACCOUNT}:activity:${r.name}`;
    case 'sub':
      return `\${${r.name}}`;
    case 'invoke':
      return 'arn:aws:states:::lambda:invoke';
    case 'sns':
      return 'arn:aws:states:::sns:publish';
    case 'ddb':
      return '${DDBPutItem}';
  }
}

/** Builds the (resolved) spec through the DSL. Deterministic: the same spec gives the same builder calls. */
export function buildWorkflow(spec: WorkflowSpec): any {
  const path = ($: any, $$: any, p: PathSpec): any =>
    p.root === '$' ? p.fields.reduce((at, field) => at[field], $) : p.context.reduce((at, field) => at[field], $$);

  const value = ($: any, $$: any, v: TemplateValueSpec): unknown => {
    switch (v.t) {
      case 'lit':
        return v.value;
      case 'path':
        return path($, $$, v.path);
      case 'sub':
        return sub(v.name);
      case 'format':
        // `{}` only where we put it: the parts hold no `{`.
        return (format as unknown as (t: string, ...a: unknown[]) => unknown)(v.parts.join('{}'), ...v.args.map((a) => (typeof a === 'string' ? a : path($, $$, a))));
      case 'uuid':
        return uuid();
      case 'add':
        return mathAdd(path($, $$, v.path), v.n);
      case 'obj':
        return templateOf($, $$, v.template);
    }
  };
  const templateOf = ($: any, $$: any, t: TemplateSpec) => objectOf(t.map(([k, v]) => [k, value($, $$, v)] as const));

  const cond = ($: any, c: ConditionSpec): Condition => {
    switch (c.c) {
      case 'cmp': {
        const family = c.family === 'str' ? str : c.family === 'num' ? num : timestamp;
        const right = typeof c.value === 'object' ? path($, undefined, c.value) : c.value;
        return (family[c.op] as (a: unknown, b: unknown) => Condition)(path($, undefined, c.path), right);
      }
      case 'bool':
        return bool.eq(path($, undefined, c.path), typeof c.value === 'boolean' ? c.value : path($, undefined, c.value));
      case 'matches':
        return matches(path($, undefined, c.path), c.pattern);
      case 'test':
        return { isPresent, isNull, isString, isNumeric, isBoolean, isTimestamp }[c.test](path($, undefined, c.path), c.value);
      case 'and':
        return and(...(c.items.map((i) => cond($, i)) as [Condition, Condition]));
      case 'or':
        return or(...(c.items.map((i) => cond($, i)) as [Condition, Condition]));
      case 'not':
        return not(cond($, c.item));
    }
  };

  const retries = (r: RetryListSpec | undefined) => r && [...r.retriers, ...(r.catchAll ? [{ ...r.catchAll, errors: ['States.ALL'] }] : [])];
  const pathFn = (p: PathSpec | undefined) => p && (($: any, $$: any) => path($, $$, p));
  const secondsOf = (s: SecondsSpec | undefined) => s && ('seconds' in s ? s.seconds : ($: any) => path($, undefined, s.path));
  const catches = (list: readonly CatchSpec[] | undefined) =>
    list?.map((c, i) => ({
      errors: catchErrors(c, i, list),
      ...(c.resultPath !== undefined && { resultPath: c.resultPath }),
      ...(c.comment !== undefined && { comment: c.comment }),
      next: c.handler.h === 'goto' ? targetOf(c.handler) : (b: any) => addSeq(b, (c.handler as { seq: SeqSpec }).seq),
    }));

  const resource = (r: ResourceSpec) => (r.r === 'sub' ? sub(r.name) : r.r === 'ddb' ? sub('DDBPutItem') : resourceOf(r));

  /** The integrations need their own parameters; the others take the random template, if any. */
  const taskParameters = (st: TaskSpec) => ($: any, $$: any) => {
    const extra = st.parameters ? templateOf($, $$, st.parameters) : {};
    switch (st.resource.r) {
      case 'invoke':
        return { ...extra, FunctionName: sub('WorkerFunctionArn'), Payload: $ };
      case 'sns':
        return { ...extra, TopicArn: sub('AlertsTopicArn'), Message: format('{}', $.status) };
      case 'ddb':
        return { ...extra, TableName: sub('DDBTable'), Item: { Id: { S: $.id } } };
      default:
        return extra;
    }
  };

  function addStep(chain: any, st: StepSpec): any {
    const name = nameOf(st);
    const commentOf = st.comment !== undefined ? { comment: st.comment } : {};
    switch (st.kind) {
      case 'task':
        return chain.task(name, {
          ...commentOf,
          resource: resource(st.resource),
          ...(st.inputPath && { inputPath: pathFn(st.inputPath) }),
          ...(hasParameters(st) && { parameters: taskParameters(st) }),
          ...(st.resultSelector && { resultSelector: (r: any, $$: any) => templateOf(r, $$, st.resultSelector!) }),
          ...(st.resultPath !== undefined && { resultPath: st.resultPath }),
          ...(st.outputPath && { outputPath: pathFn(st.outputPath) }),
          ...(st.retry && { retry: retries(st.retry) }),
          ...(st.catch && { catch: catches(st.catch) }),
          ...(st.timeout && { timeoutSeconds: secondsOf(st.timeout) }),
          ...(st.heartbeat && { heartbeatSeconds: secondsOf(st.heartbeat) }),
        });
      case 'pass': {
        const body = st.body;
        return chain.pass(name, {
          ...commentOf,
          ...(st.inputPath && { inputPath: pathFn(st.inputPath) }),
          ...(body && 'result' in body && { result: body.result }),
          ...(body && 'parameters' in body && { parameters: ($: any, $$: any) => templateOf($, $$, body.parameters) }),
          ...(st.resultPath !== undefined && { resultPath: st.resultPath }),
          ...(st.outputPath && { outputPath: pathFn(st.outputPath) }),
        });
      }
      case 'wait': {
        const t = st.time;
        const time =
          'seconds' in t
            ? { seconds: t.seconds }
            : 'timestamp' in t
              ? { timestamp: t.timestamp }
              : 'secondsPath' in t
                ? { secondsPath: ($: any) => path($, undefined, t.secondsPath) }
                : { timestampPath: ($: any) => path($, undefined, t.timestampPath) };
        return chain.wait(name, { ...commentOf, ...time, ...(st.inputPath && { inputPath: pathFn(st.inputPath) }), ...(st.outputPath && { outputPath: pathFn(st.outputPath) }) });
      }
      case 'choice': {
        const target = (b: BranchSpec) => (b.b === 'goto' ? targetOf(b) : (inner: any) => addSeq(inner, b.seq));
        return chain.choice(
          name,
          (c: any) => {
            let built = c;
            for (const rule of st.rules) built = built.when(($: any) => cond($, rule.condition), target(rule.target), rule.comment);
            return st.otherwise ? built.otherwise(target(st.otherwise)) : built;
          },
          commentOf,
        );
      }
      case 'parallel':
        return chain.parallel(name, {
          ...commentOf,
          branches: st.branches.map((b) => (inner: any) => addSeq(inner, b)),
          ...(st.inputPath && { inputPath: pathFn(st.inputPath) }),
          ...(st.resultSelector && { resultSelector: (r: any, $$: any) => templateOf(r, $$, st.resultSelector!) }),
          ...(st.resultPath !== undefined && { resultPath: st.resultPath }),
          ...(st.outputPath && { outputPath: pathFn(st.outputPath) }),
          ...(st.retry && { retry: retries(st.retry) }),
          ...(st.catch && { catch: catches(st.catch) }),
        });
      case 'map': {
        const processor = (inner: any) => addSeq(inner, st.processor);
        const selector = st.itemSelector && (($: any, $$: any) => templateOf($, $$, st.itemSelector!));
        const form =
          st.form === 'iterator'
            ? { iterator: processor, ...(selector && { parameters: selector }) }
            : { itemProcessor: processor, ...(selector && { itemSelector: selector }), ...(st.form === 'inlineProcessor' && { processorConfig: { Mode: 'INLINE' } }) };
        return chain.map(name, {
          ...commentOf,
          ...form,
          ...(st.inputPath && { inputPath: pathFn(st.inputPath) }),
          ...(st.itemsPath && { itemsPath: pathFn(st.itemsPath) }),
          ...(st.maxConcurrency !== undefined && { maxConcurrency: st.maxConcurrency }),
          ...(st.resultPath !== undefined && { resultPath: st.resultPath }),
          ...(st.retry && { retry: retries(st.retry) }),
          ...(st.catch && { catch: catches(st.catch) }),
        });
      }
    }
  }

  function addSeq(chain: any, s: SeqSpec): any {
    let current = chain;
    for (const st of s.steps) current = addStep(current, st);
    const end = s.end;
    if (!end) return current;
    if (end.end === 'goto') return current.unsafeGoto(targetOf(end));
    const commentOf = end.comment !== undefined ? { comment: end.comment } : {};
    if (end.end === 'succeed') {
      return current.succeed(nameOf(end), { ...commentOf, ...(end.inputPath && { inputPath: pathFn(end.inputPath) }), ...(end.outputPath && { outputPath: pathFn(end.outputPath) }) });
    }
    return current.fail(nameOf(end), {
      ...commentOf,
      // Error and ErrorPath (Cause and CausePath) exclude each other: the literal wins.
      ...(end.error !== undefined ? { error: end.error } : end.errorPath && { errorPath: pathFn(end.errorPath) }),
      ...(end.cause !== undefined ? { cause: end.cause } : end.causePath && { causePath: pathFn(end.causePath) }),
    });
  }

  const chain = workflow(spec.name, {
    input: untyped,
    ...(spec.comment !== undefined && { comment: spec.comment }),
    ...(spec.timeoutSeconds !== undefined && { timeoutSeconds: spec.timeoutSeconds }),
    ...(spec.version !== undefined && { version: spec.version }),
  });
  return addSeq(chain, spec.body);
}

const hasParameters = (st: TaskSpec) => st.parameters !== undefined || ['invoke', 'sns', 'ddb'].includes(st.resource.r);

/** `States.ALL` alone, and only in the last catcher. */
const catchErrors = (c: CatchSpec, index: number, list: readonly CatchSpec[]) => (c.all && index === list.length - 1 ? ['States.ALL'] : [...c.errors]);

// ───────────────────────────── model ─────────────────────────────

/*
 * The ASL the builder calls must produce, derived from the spec alone:
 *  - paths in Parameters, ItemSelector (Map `Parameters`) and ItemsPath are relative to the
 *    state's *effective input*, the value InputPath selected (AWS: "Step Functions applies
 *    ItemsPath after InputPath"; Parameters build the task input from the InputPath result);
 *  - intrinsic string literals escape `'`, `{`, `}` and `\` with a backslash (AWS's rule);
 *  - transitions: states in a sequence go to the next one; the open ends of Choice branches go
 *    to whatever follows the Choice; open ends of a scope (top level, Parallel branch, Map
 *    processor) and of a Catch handler become `"End": true`.
 * JSONPath spelling (`$.a` vs `$['a']`) and the spacing inside intrinsics are not meaning; both
 * sides go through `canonical` before they are compared.
 */

type Obj = { [key: string]: unknown };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A path as JSONPath text, every field in bracket notation (`canonical` makes spellings agree). */
function pathText(p: PathSpec): string {
  const fields = p.root === '$' ? p.fields : p.context;
  return p.root + fields.map((field) => (IDENTIFIER.test(field) ? `.${field}` : `['${field.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`)).join('');
}

/** An intrinsic string literal: `'` + text with `'`, `{`, `}`, `\` backslash-escaped + `'`. */
const quote = (value: string) => `'${value.replace(/['{}\\]/g, '\\$&')}'`;

function modelValue(v: TemplateValueSpec): { dynamic: string } | { value: unknown } {
  switch (v.t) {
    case 'lit':
      return { value: v.value };
    case 'path':
      return { dynamic: pathText(v.path) };
    case 'sub':
      return { value: `\${${v.name}}` };
    case 'format': {
      const template = `'${v.parts.map((part) => quote(part).slice(1, -1)).join('{}')}'`;
      return { dynamic: `States.Format(${[template, ...v.args.map((a) => (typeof a === 'string' ? quote(a) : pathText(a)))].join(', ')})` };
    }
    case 'uuid':
      return { dynamic: 'States.UUID()' };
    case 'add':
      return { dynamic: `States.MathAdd(${pathText(v.path)}, ${v.n})` };
    case 'obj':
      return { value: modelTemplate(v.template) };
  }
}

function modelTemplate(t: TemplateSpec): Obj {
  return objectOf(
    t.map(([key, v]) => {
      const m = modelValue(v);
      return 'dynamic' in m ? ([`${key}.$`, m.dynamic] as const) : ([key, m.value] as const);
    }),
  );
}

const OPERATOR = { eq: 'Equals', lt: 'LessThan', lte: 'LessThanEquals', gt: 'GreaterThan', gte: 'GreaterThanEquals' } as const;
const FAMILY = { str: 'String', num: 'Numeric', ts: 'Timestamp' } as const;
const TYPE_TEST = { isPresent: 'IsPresent', isNull: 'IsNull', isString: 'IsString', isNumeric: 'IsNumeric', isBoolean: 'IsBoolean', isTimestamp: 'IsTimestamp' } as const;

function modelCondition(c: ConditionSpec): Obj {
  switch (c.c) {
    case 'cmp': {
      const operator = `${FAMILY[c.family]}${OPERATOR[c.op]}`;
      return typeof c.value === 'object' ? { Variable: pathText(c.path), [`${operator}Path`]: pathText(c.value) } : { Variable: pathText(c.path), [operator]: c.value };
    }
    case 'bool':
      return typeof c.value === 'boolean' ? { Variable: pathText(c.path), BooleanEquals: c.value } : { Variable: pathText(c.path), BooleanEqualsPath: pathText(c.value) };
    case 'matches':
      return { Variable: pathText(c.path), StringMatches: c.pattern };
    case 'test':
      return { Variable: pathText(c.path), [TYPE_TEST[c.test]]: c.value };
    case 'and':
      return { And: c.items.map(modelCondition) };
    case 'or':
      return { Or: c.items.map(modelCondition) };
    case 'not':
      return { Not: modelCondition(c.item) };
  }
}

function modelRetry(r: RetryListSpec): Obj[] {
  const one = (errors: readonly string[], f: RetryFields): Obj => ({
    ErrorEquals: [...errors],
    ...(f.comment !== undefined && { Comment: f.comment }),
    ...(f.intervalSeconds !== undefined && { IntervalSeconds: f.intervalSeconds }),
    ...(f.maxAttempts !== undefined && { MaxAttempts: f.maxAttempts }),
    ...(f.backoffRate !== undefined && { BackoffRate: f.backoffRate }),
    ...(f.maxDelaySeconds !== undefined && { MaxDelaySeconds: f.maxDelaySeconds }),
    ...(f.jitterStrategy !== undefined && { JitterStrategy: f.jitterStrategy }),
  });
  return [...r.retriers.map((x) => one(x.errors, x)), ...(r.catchAll ? [one(['States.ALL'], r.catchAll)] : [])];
}

const optionalPath = (field: string, p: PathSpec | undefined): Obj => (p ? { [field]: pathText(p) } : {});
const optionalResultPath = (rp: ResultPathValue | undefined): Obj => (rp === undefined ? {} : { ResultPath: rp });
const seconds = (field: string, s: SecondsSpec | undefined): Obj => (s ? ('seconds' in s ? { [field]: s.seconds } : { [`${field}Path`]: pathText(s.path) }) : {});

/** The ASL definition the spec describes. */
export function expectedDefinition(spec: WorkflowSpec): Obj {
  /** A `States` object being filled. */
  type States = Obj;
  /** Where the open ends of a sequence go: a state's name, or the end of the execution / branch. */
  type Follow = { readonly next: string } | 'end';

  const add = (states: States, name: string, fields: Obj) => Object.defineProperty(states, name, { value: fields, enumerable: true, writable: true, configurable: true });
  const transition = (follow: Follow): Obj => (follow === 'end' ? { End: true } : { Next: follow.next });

  /** The first state a sequence enters, or undefined for an empty one. */
  const entry = (s: SeqSpec): string | undefined => {
    const first = s.steps[0];
    if (first) return nameOf(first);
    if (!s.end) return undefined;
    return s.end.end === 'goto' ? targetOf(s.end) : nameOf(s.end);
  };

  /** A nested `States` object (a Parallel branch or a Map processor). */
  const scope = (s: SeqSpec): Obj => {
    const states: States = {};
    sequence(s, states, 'end');
    return { StartAt: entry(s), States: states };
  };

  const catchers = (list: readonly CatchSpec[] | undefined, states: States): Obj =>
    list
      ? {
          Catch: list.map((c, i) => {
            const handler = c.handler;
            const next = handler.h === 'goto' ? targetOf(handler) : entry(handler.seq);
            if (handler.h === 'seq') sequence(handler.seq, states, 'end');
            return { ErrorEquals: catchErrors(c, i, list), ...(c.comment !== undefined && { Comment: c.comment }), ...optionalResultPath(c.resultPath), Next: next };
          }),
        }
      : {};

  function sequence(s: SeqSpec, states: States, follow: Follow): void {
    // Where the open ends after step i go.
    const after = (i: number): Follow => {
      const next = s.steps[i + 1];
      if (next) return { next: nameOf(next) };
      if (!s.end) return follow;
      return { next: s.end.end === 'goto' ? targetOf(s.end) : nameOf(s.end) };
    };
    s.steps.forEach((st, i) => step(st, states, after(i)));
    if (s.end && s.end.end !== 'goto') add(states, nameOf(s.end), endState(s.end));
  }

  function endState(end: Exclude<EndSpec, { end: 'goto' }>): Obj {
    const common = { ...(end.comment !== undefined && { Comment: end.comment }) };
    if (end.end === 'succeed') return { Type: 'Succeed', ...common, ...optionalPath('InputPath', end.inputPath), ...optionalPath('OutputPath', end.outputPath) };
    return {
      Type: 'Fail',
      ...common,
      ...(end.error !== undefined ? { Error: end.error } : optionalPath('ErrorPath', end.errorPath)),
      ...(end.cause !== undefined ? { Cause: end.cause } : optionalPath('CausePath', end.causePath)),
    };
  }

  function step(st: StepSpec, states: States, follow: Follow): void {
    const name = nameOf(st);
    const common = { ...(st.comment !== undefined && { Comment: st.comment }) };
    // Declared first, so the States object's key order does not matter to the comparison anyway.
    const fields: Obj = {};
    add(states, name, fields);
    switch (st.kind) {
      case 'task': {
        const integration: Obj =
          st.resource.r === 'invoke'
            ? { 'FunctionName': '${WorkerFunctionArn}', 'Payload.$': '$' }
            : st.resource.r === 'sns'
              ? { 'TopicArn': '${AlertsTopicArn}', 'Message.$': "States.Format('{}', $.status)" }
              : st.resource.r === 'ddb'
                ? { TableName: '${DDBTable}', Item: { Id: { 'S.$': '$.id' } } }
                : {};
        Object.assign(fields, {
          Type: 'Task',
          ...common,
          Resource: resourceOf(st.resource),
          ...optionalPath('InputPath', st.inputPath),
          ...(hasParameters(st) && { Parameters: Object.assign(st.parameters ? modelTemplate(st.parameters) : {}, integration) }),
          ...(st.resultSelector && { ResultSelector: modelTemplate(st.resultSelector) }),
          ...optionalResultPath(st.resultPath),
          ...optionalPath('OutputPath', st.outputPath),
          ...seconds('TimeoutSeconds', st.timeout),
          ...seconds('HeartbeatSeconds', st.heartbeat),
          ...(st.retry && { Retry: modelRetry(st.retry) }),
          ...catchers(st.catch, states),
          ...transition(follow),
        });
        return;
      }
      case 'pass':
        Object.assign(fields, {
          Type: 'Pass',
          ...common,
          ...optionalPath('InputPath', st.inputPath),
          ...(st.body && 'result' in st.body && { Result: st.body.result }),
          ...(st.body && 'parameters' in st.body && { Parameters: modelTemplate(st.body.parameters) }),
          ...optionalResultPath(st.resultPath),
          ...optionalPath('OutputPath', st.outputPath),
          ...transition(follow),
        });
        return;
      case 'wait': {
        const t = st.time;
        const time =
          'seconds' in t
            ? { Seconds: t.seconds }
            : 'timestamp' in t
              ? { Timestamp: t.timestamp }
              : 'secondsPath' in t
                ? { SecondsPath: pathText(t.secondsPath) }
                : { TimestampPath: pathText(t.timestampPath) };
        Object.assign(fields, { Type: 'Wait', ...common, ...optionalPath('InputPath', st.inputPath), ...time, ...optionalPath('OutputPath', st.outputPath), ...transition(follow) });
        return;
      }
      case 'choice': {
        const target = (b: BranchSpec): string => {
          if (b.b === 'goto') return targetOf(b);
          sequence(b.seq, states, follow);
          const first = entry(b.seq);
          if (first !== undefined) return first;
          if (follow === 'end') throw new Error('model: an empty Choice branch at the end of a scope (normalize should prevent it)');
          return follow.next;
        };
        const choices = st.rules.map((rule) => ({ ...modelCondition(rule.condition), ...(rule.comment !== undefined && { Comment: rule.comment }), Next: target(rule.target) }));
        Object.assign(fields, { Type: 'Choice', ...common, Choices: choices, ...(st.otherwise && { Default: target(st.otherwise) }) });
        return;
      }
      case 'parallel':
        Object.assign(fields, {
          Type: 'Parallel',
          ...common,
          ...optionalPath('InputPath', st.inputPath),
          Branches: st.branches.map(scope),
          ...(st.resultSelector && { ResultSelector: modelTemplate(st.resultSelector) }),
          ...optionalResultPath(st.resultPath),
          ...optionalPath('OutputPath', st.outputPath),
          ...(st.retry && { Retry: modelRetry(st.retry) }),
          ...catchers(st.catch, states),
          ...transition(follow),
        });
        return;
      case 'map': {
        const processor = scope(st.processor);
        const selector = st.itemSelector && modelTemplate(st.itemSelector);
        Object.assign(fields, {
          Type: 'Map',
          ...common,
          ...optionalPath('InputPath', st.inputPath),
          ...optionalPath('ItemsPath', st.itemsPath),
          ...(st.maxConcurrency !== undefined && { MaxConcurrency: st.maxConcurrency }),
          ...(st.form === 'iterator'
            ? { Iterator: processor, ...(selector && { Parameters: selector }) }
            : { ItemProcessor: st.form === 'inlineProcessor' ? { ProcessorConfig: { Mode: 'INLINE' }, ...processor } : processor, ...(selector && { ItemSelector: selector }) }),
          ...optionalResultPath(st.resultPath),
          ...(st.retry && { Retry: modelRetry(st.retry) }),
          ...catchers(st.catch, states),
          ...transition(follow),
        });
        return;
      }
    }
  }

  const states: States = {};
  sequence(spec.body, states, 'end');
  return {
    ...(spec.comment !== undefined && { Comment: spec.comment }),
    StartAt: entry(spec.body),
    States: states,
    ...(spec.timeoutSeconds !== undefined && { TimeoutSeconds: spec.timeoutSeconds }),
    ...(spec.version !== undefined && { Version: spec.version }),
  };
}

// ───────────────────────────── canonical form ─────────────────────────────

/** Fields whose value is a JSONPath (or, for ErrorPath/CausePath, a path or an intrinsic). */
const PATH_FIELDS = new Set(['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'ErrorPath', 'CausePath', 'Variable']);

/**
 * The definition with every path and intrinsic rewritten in one spelling (`$['a']['b']`, no
 * spaces between intrinsic arguments), so that two definitions that mean the same compare equal.
 * Keys are copied as own properties (`__proto__` included).
 */
export function canonical(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && (key.endsWith('.$') || PATH_FIELDS.has(key) || (/Path$/.test(key) && /^(String|Numeric|Boolean|Timestamp)/.test(key)))) {
    return canonicalDynamic(value);
  }
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (value !== null && typeof value === 'object') return objectOf(Object.entries(value).map(([k, v]) => [k, canonical(v, k)] as const));
  return value;
}

/** A path or an intrinsic call in canonical spelling; text that is neither is returned as it is. */
function canonicalDynamic(text: string): string {
  try {
    const parser = new Reader(text);
    const result = parser.value();
    parser.expectEnd();
    return result;
  } catch {
    return text;
  }
}

/** A tiny reader of ASL paths (`$`, `$$`, `.name`, `['name']`, `[0]`) and intrinsic calls. */
class Reader {
  #at = 0;
  constructor(readonly text: string) {}

  value(): string {
    this.#space();
    const c = this.text[this.#at];
    if (c === '$') return this.#path();
    if (c === "'") return this.#string();
    if (this.text.startsWith('States.', this.#at)) return this.#call();
    const literal = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(this.text.slice(this.#at));
    if (literal) {
      this.#at += literal[0].length;
      return literal[0];
    }
    throw new Error(`unexpected ${c}`);
  }

  expectEnd(): void {
    this.#space();
    if (this.#at !== this.text.length) throw new Error('trailing text');
  }

  #space() {
    while (this.text[this.#at] === ' ') this.#at++;
  }

  #path(): string {
    const root = this.text.startsWith('$$', this.#at) ? '$$' : '$';
    this.#at += root.length;
    let out = root;
    for (;;) {
      const c = this.text[this.#at];
      if (c === '.') {
        const name = /^\.([^.[\]\s,()']+)/.exec(this.text.slice(this.#at));
        if (!name) throw new Error('bad field');
        this.#at += name[0].length;
        out += `[${JSON.stringify(name[1])}]`;
      } else if (c === '[') {
        this.#at++;
        if (this.text[this.#at] === "'") {
          out += `[${JSON.stringify(this.#rawString())}]`;
        } else {
          const index = /^\d+/.exec(this.text.slice(this.#at));
          if (!index) throw new Error('bad index');
          this.#at += index[0].length;
          out += `[${index[0]}]`;
        }
        if (this.text[this.#at++] !== ']') throw new Error('missing ]');
      } else {
        return out;
      }
    }
  }

  /** A quoted name in a bracket: `\\` and `\'` unescaped. */
  #rawString(): string {
    this.#at++;
    let out = '';
    for (;;) {
      const c = this.text[this.#at++];
      if (c === undefined) throw new Error('unterminated string');
      if (c === "'") return out;
      if (c === '\\') out += this.text[this.#at++] ?? '';
      else out += c;
    }
  }

  /** An intrinsic string literal, kept with its escapes (they are meaning: `{}` vs `\{\}`). */
  #string(): string {
    const start = this.#at++;
    for (;;) {
      const c = this.text[this.#at++];
      if (c === undefined) throw new Error('unterminated string');
      if (c === '\\') this.#at++;
      else if (c === "'") return this.text.slice(start, this.#at);
    }
  }

  #call(): string {
    const name = /^States\.[A-Za-z]+/.exec(this.text.slice(this.#at))![0];
    this.#at += name.length;
    if (this.text[this.#at++] !== '(') throw new Error('missing (');
    const args: string[] = [];
    this.#space();
    if (this.text[this.#at] === ')') {
      this.#at++;
      return `${name}()`;
    }
    for (;;) {
      args.push(this.value());
      this.#space();
      const c = this.text[this.#at++];
      if (c === ')') return `${name}(${args.join(',')})`;
      if (c !== ',') throw new Error('missing ,');
    }
  }
}
