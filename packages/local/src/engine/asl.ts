/**
 * The parts of an ASL definition the interpreter reads. Definitions are validated by
 * @typestep/compiler before a run, so these types describe valid JSON; they are deliberately loose
 * where a field may hold a JSONata expression instead of its JSONPath-mode type.
 */

export type QueryLanguage = 'JSONPath' | 'JSONata';
export type Template = unknown;

export interface StateMachineDefinition {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, State>>;
  readonly QueryLanguage?: QueryLanguage;
  readonly TimeoutSeconds?: number;
  readonly Comment?: string;
}

export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly ResultPath?: string | null;
  readonly Output?: Template;
  readonly Assign?: Readonly<Record<string, Template>>;
}

interface CommonFields {
  readonly Comment?: string;
  readonly QueryLanguage?: QueryLanguage;
  readonly InputPath?: string | null;
  readonly OutputPath?: string | null;
  readonly Output?: Template;
  readonly Assign?: Readonly<Record<string, Template>>;
  readonly Next?: string;
  readonly End?: boolean;
}

interface ResultFields {
  readonly Parameters?: Template;
  readonly Arguments?: Template;
  readonly ResultSelector?: Template;
  readonly ResultPath?: string | null;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}

export interface TaskState extends CommonFields, ResultFields {
  readonly Type: 'Task';
  readonly Resource: string;
  readonly TimeoutSeconds?: number | string;
  readonly TimeoutSecondsPath?: string;
  readonly HeartbeatSeconds?: number | string;
  readonly HeartbeatSecondsPath?: string;
  readonly Credentials?: Readonly<Record<string, unknown>>;
}

export interface PassState extends CommonFields {
  readonly Type: 'Pass';
  readonly Result?: unknown;
  readonly ResultPath?: string | null;
  readonly Parameters?: Template;
}

export interface WaitState extends CommonFields {
  readonly Type: 'Wait';
  readonly Seconds?: number | string;
  readonly SecondsPath?: string;
  readonly Timestamp?: string;
  readonly TimestampPath?: string;
}

export interface ChoiceRule {
  readonly Next?: string;
  readonly Variable?: string;
  readonly Condition?: Template;
  readonly And?: readonly ChoiceRule[];
  readonly Or?: readonly ChoiceRule[];
  readonly Not?: ChoiceRule;
  readonly Assign?: Readonly<Record<string, Template>>;
  readonly Output?: Template;
  readonly [operator: string]: unknown;
}

export interface ChoiceState extends CommonFields {
  readonly Type: 'Choice';
  readonly Choices: readonly ChoiceRule[];
  readonly Default?: string;
}

export interface SucceedState extends CommonFields {
  readonly Type: 'Succeed';
}

export interface FailState extends CommonFields {
  readonly Type: 'Fail';
  readonly Error?: string;
  readonly ErrorPath?: string;
  readonly Cause?: string;
  readonly CausePath?: string;
}

export interface Branch {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, State>>;
  readonly QueryLanguage?: QueryLanguage;
}

export interface ParallelState extends CommonFields, ResultFields {
  readonly Type: 'Parallel';
  readonly Branches: readonly Branch[];
}

export interface ItemProcessor extends Branch {
  readonly ProcessorConfig?: { readonly Mode?: 'INLINE' | 'DISTRIBUTED'; readonly ExecutionType?: 'STANDARD' | 'EXPRESS' };
}

export interface ItemReader {
  readonly Resource: string;
  readonly ReaderConfig?: Readonly<Record<string, unknown>>;
  readonly Parameters?: Template;
  readonly Arguments?: Template;
}

export interface ItemBatcher {
  readonly MaxItemsPerBatch?: number | string;
  readonly MaxItemsPerBatchPath?: string;
  readonly MaxInputBytesPerBatch?: number | string;
  readonly MaxInputBytesPerBatchPath?: string;
  readonly BatchInput?: Template;
}

export interface ResultWriter {
  readonly Resource?: string;
  readonly Parameters?: Template;
  readonly Arguments?: Template;
  readonly WriterConfig?: Readonly<Record<string, unknown>>;
}

export interface MapState extends CommonFields, ResultFields {
  readonly Type: 'Map';
  readonly ItemProcessor?: ItemProcessor;
  readonly Iterator?: ItemProcessor;
  readonly ItemsPath?: string;
  readonly Items?: Template;
  readonly ItemSelector?: Template;
  readonly ItemReader?: ItemReader;
  readonly ItemBatcher?: ItemBatcher;
  readonly ResultWriter?: ResultWriter;
  readonly MaxConcurrency?: number | string;
  readonly MaxConcurrencyPath?: string;
  readonly ToleratedFailurePercentage?: number | string;
  readonly ToleratedFailurePercentagePath?: string;
  readonly ToleratedFailureCount?: number | string;
  readonly ToleratedFailureCountPath?: string;
  readonly Label?: string;
}

export type State = TaskState | PassState | WaitState | ChoiceState | SucceedState | FailState | ParallelState | MapState;
