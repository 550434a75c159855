import { randomUUID } from 'node:crypto';
import { sharedController } from './abort.js';
import type { StateMachineDefinition } from './asl.js';
import { realClock } from './clock.js';
import { History } from './history.js';
import { TaskTokens } from './task-tokens.js';
import type { Clock, RunOptions } from './types.js';

/** The fixed account of local ARNs (AWS's documentation account). */
export const LOCAL_ACCOUNT = '123456789012';

export interface ExecutionIdentity {
  readonly name: string;
  readonly executionArn: string;
  readonly stateMachineName: string;
  readonly stateMachineArn: string;
  readonly roleArn: string;
  readonly region: string;
  readonly startTime: Date;
}

/** Everything one running execution shares between its states: identity, time, history, task wiring. */
export class Execution {
  readonly clock: Clock;
  readonly history: History;
  readonly taskTokens: TaskTokens;
  readonly identity: ExecutionIdentity;
  /** Aborted when the execution stops (StopExecution, top-level timeout, failure). */
  readonly controller = sharedController();
  /** How often each mocked state or resource has been called (a mock list answers call by call). */
  readonly mockCalls = new Map<string, number>();
  readonly #executionContext: Readonly<Record<string, unknown>>;

  constructor(
    readonly options: RunOptions,
    readonly definition: StateMachineDefinition,
    readonly input: unknown,
    /** Resolved value → placeholder name, for binding handlers by placeholder (`${ImageFunctionArn}`). */
    readonly placeholders: ReadonlyMap<string, string>,
  ) {
    this.clock = options.clock ?? realClock();
    this.history = new History(this.clock, options.onEvent);
    this.taskTokens = options.taskTokens ?? new TaskTokens();
    const region = options.services?.region ?? 'us-east-1';
    const stateMachineName = options.stateMachineName ?? options.stateMachineArn?.split(':').at(-1) ?? 'LocalStateMachine';
    const stateMachineArn = options.stateMachineArn ?? `arn:aws:states:${region}:${LOCAL_ACCOUNT}:stateMachine:${stateMachineName}`;
    const name = options.name ?? options.executionArn?.split(':').at(-1) ?? randomUUID();
    this.identity = {
      name,
      stateMachineName,
      stateMachineArn,
      executionArn: options.executionArn ?? `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
      roleArn: options.roleArn ?? `arn:aws:iam::${LOCAL_ACCOUNT}:role/${stateMachineName}-role`,
      region,
      startTime: this.clock.now(),
    };
    this.#executionContext = {
      Execution: {
        Id: this.identity.executionArn,
        Input: input,
        Name: name,
        RoleArn: this.identity.roleArn,
        StartTime: this.identity.startTime.toISOString(),
        RedriveCount: 0,
      },
      StateMachine: { Id: stateMachineArn, Name: stateMachineName },
    };
  }

  /** The context object's execution-wide part (`$$.Execution`, `$$.StateMachine`). */
  get executionContext(): Readonly<Record<string, unknown>> {
    return this.#executionContext;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }
}
