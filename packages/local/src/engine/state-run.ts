import type { HistoryEventType } from '@aws-sdk/client-sfn';
import type { QueryLanguage, State } from './asl.js';
import type { JsonataScope } from './data/jsonata.js';
import type { PathScope } from './data/path-scope.js';
import type { Execution } from './execution.js';
import type { Thread } from './history.js';
import type { HistoryEvent } from './types.js';
import type { Variables } from './variables.js';

/**
 * Where states run: the top level of an execution, one Parallel branch, or one Map iteration. Each
 * has its own variable scope, history thread and abort signal.
 */
export interface Frame {
  readonly execution: Execution;
  readonly queryLanguage: QueryLanguage;
  readonly variables: Variables;
  readonly signal: AbortSignal;
  readonly thread: Thread;
  /** `$$.Map.Item` inside a Map iteration. */
  readonly mapItem?: { readonly Index: number; readonly Value: unknown };
}

/** One visit of a state: its definition, input, language, context object and history. */
export class StateRun<S extends State = State> {
  readonly language: QueryLanguage;
  /** When the state was entered (`$$.State.EnteredTime`): its Entered event's time. */
  enteredTime: Date;
  #retryCount = 0;
  #taskToken: string | undefined;
  /** Built on first use and kept until RetryCount or the task token change (states read it often). */
  #context: Record<string, unknown> | undefined;

  constructor(
    readonly frame: Frame,
    readonly name: string,
    readonly state: S,
    readonly rawInput: unknown,
  ) {
    this.language = state.QueryLanguage ?? frame.queryLanguage;
    this.enteredTime = new Date(0);
  }

  get execution(): Execution {
    return this.frame.execution;
  }

  get signal(): AbortSignal {
    return this.frame.signal;
  }

  get retryCount(): number {
    return this.#retryCount;
  }

  set retryCount(count: number) {
    this.#retryCount = count;
    this.#context = undefined;
  }

  /** Set for a `.waitForTaskToken` attempt: `$$.Task.Token`. */
  get taskToken(): string | undefined {
    return this.#taskToken;
  }

  set taskToken(token: string | undefined) {
    this.#taskToken = token;
    this.#context = undefined;
  }

  /** The context object (`$$` in JSONPath, `$states.context` in JSONata). */
  context(): Record<string, unknown> {
    this.#context ??= {
      ...this.execution.executionContext,
      State: { EnteredTime: this.enteredTime.toISOString(), Name: this.name, RetryCount: this.#retryCount },
      ...(this.#taskToken !== undefined ? { Task: { Token: this.#taskToken } } : {}),
      ...(this.frame.mapItem ? { Map: { Item: this.frame.mapItem } } : {}),
    };
    return this.#context;
  }

  /** What a JSONPath reads; the context object is only built when a `$$` path asks for it. */
  pathScope(data: unknown): PathScope {
    return { data, context: () => this.context(), variables: this.frame.variables };
  }

  jsonataScope(extra: { result?: unknown; errorOutput?: unknown } = {}): JsonataScope {
    return { input: this.rawInput, context: this.context(), variables: this.frame.variables, ...extra };
  }

  record(type: HistoryEventType, details?: object): HistoryEvent {
    return this.execution.history.record(this.frame.thread, type, details);
  }
}

/** How a state ends: its output and where to go (no `next`: the frame ends). */
export interface Transition {
  readonly output: unknown;
  readonly next?: string;
  /** The variables the state assigns (applied when it exits). */
  readonly assign?: Readonly<Record<string, unknown>>;
}
