import { randomUUID } from 'node:crypto';
import { runExecution } from '../engine/run-execution.js';
import { TaskError } from '../engine/task-error.js';
import type { ChildExecution, Clock, ExecutionResult, HistoryEvent, RunOptions } from '../engine/types.js';
import type { ExecutionEnd, StoredExecution, StoredStateMachine } from '../store/records.js';
import type { Store } from '../store/store.js';
import { executionArn, expressExecutionArn } from './arns.js';

/** How the endpoint's executions run: the engine options every execution shares. */
export type ExecutionSettings = Pick<RunOptions, 'tasks' | 'services' | 'substitutions' | 'taskTokens'> & { clock: Clock };

/** What one execution needs besides its state machine. */
export interface ExecutionStart {
  arn: string;
  name: string;
  input: unknown;
}

interface Running {
  controller: AbortController;
  done: Promise<unknown>;
}

/**
 * Runs executions on the engine in the background. A STANDARD execution's events go to the store
 * as the engine records them, and its end when it ends; EXPRESS executions are not recorded (as in
 * AWS). Executions a task starts (states:startExecution) run the endpoint's state machines and are
 * recorded like any other. Closing stops every execution without recording anything more: the
 * journal keeps them RUNNING, and the next start reports them as interrupted.
 */
export class ExecutionRunner {
  readonly #running = new Map<string, Running>();
  #closed = false;

  constructor(
    private readonly store: Store,
    private readonly settings: ExecutionSettings,
  ) {}

  /** Starts a STANDARD execution already added to the store; resolves with its result. */
  start(stateMachine: StoredStateMachine, execution: StoredExecution, input: unknown): Promise<ExecutionResult> {
    return this.#track(execution.arn, async (signal) => {
      const start = { arn: execution.arn, name: execution.name, input };
      const result = await this.#run(stateMachine, start, signal, (event) => {
        if (!this.#closed) this.store.appendEvent(execution.arn, event);
      });
      if (!this.#closed) this.store.endExecution(execution.arn, endOf(result));
      return result;
    });
  }

  /** Runs an EXPRESS execution, unrecorded (StartExecution in the background, StartSyncExecution awaited). */
  runExpress(stateMachine: StoredStateMachine, start: ExecutionStart): Promise<ExecutionResult> {
    return this.#track(start.arn, (signal) => this.#run(stateMachine, start, signal));
  }

  isRunning(executionArn: string): boolean {
    return this.#running.has(executionArn);
  }

  /** StopExecution: aborts the execution and resolves once the engine has recorded its end. */
  async stop(executionArn: string, details: { error?: string; cause?: string }): Promise<void> {
    const running = this.#running.get(executionArn);
    if (!running) return;
    running.controller.abort(details);
    await running.done;
  }

  /** Stops every execution, recording nothing more, and resolves when they have all ended. */
  async close(): Promise<void> {
    this.#closed = true;
    const all = [...this.#running.values()];
    for (const { controller } of all) controller.abort(new Error('The local endpoint is closing.'));
    await Promise.all(all.map(({ done }) => done));
  }

  #track(arn: string, work: (signal: AbortSignal) => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const controller = new AbortController();
    const done = work(controller.signal).finally(() => this.#running.delete(arn));
    this.#running.set(arn, { controller, done: done.catch(() => undefined) });
    return done;
  }

  /** Runs on the engine. A definition the engine cannot load still ends the execution, as FAILED. */
  async #run(stateMachine: StoredStateMachine, start: ExecutionStart, signal: AbortSignal, onEvent: (event: HistoryEvent) => void = () => {}): Promise<ExecutionResult> {
    const events: HistoryEvent[] = [];
    const record = (event: HistoryEvent) => {
      events.push(event);
      onEvent(event);
    };
    const startDate = this.settings.clock.now();
    try {
      return await runExecution({
        ...this.settings,
        definition: stateMachine.definition,
        input: start.input,
        name: start.name,
        executionArn: start.arn,
        stateMachineArn: stateMachine.arn,
        stateMachineName: stateMachine.name,
        roleArn: stateMachine.roleArn,
        signal,
        onEvent: record,
        startExecution: (child) => this.#startChild(child),
      });
    } catch (error) {
      const failure = engineFailure(error, stateMachine, start, events, startDate, this.settings.clock.now());
      failure.events.slice(events.length).forEach(record);
      return failure;
    }
  }

  /**
   * An execution started by a task. states:startExecution names one of the endpoint's state machines,
   * and its execution is recorded (and listed) as if StartExecution had been called; a Distributed
   * Map child carries its own definition and runs unrecorded inside its parent, as the engine runs it.
   */
  #startChild(child: ChildExecution): Promise<ExecutionResult> {
    if (child.definition !== undefined) return runExecution({ ...child, definition: child.definition });
    const arn = child.stateMachineArn ?? '';
    const stateMachine = this.store.stateMachine(arn);
    if (!stateMachine) return Promise.reject(new TaskError('StepFunctions.StateMachineDoesNotExistException', `State Machine Does Not Exist: '${arn}'`));
    const name = child.name ?? randomUUID();
    const input = child.input ?? {};
    if (stateMachine.type === 'EXPRESS') return this.runExpress(stateMachine, { arn: expressExecutionArn(stateMachine.arn, name), name, input });
    const childArn = executionArn(stateMachine.arn, name);
    if (this.store.execution(childArn)) {
      return Promise.reject(new TaskError('StepFunctions.ExecutionAlreadyExistsException', `Execution Already Exists: '${childArn}'`));
    }
    const execution = this.store.startExecution({ arn: childArn, stateMachineArn: stateMachine.arn, name, input: JSON.stringify(input), startDate: this.settings.clock.now() });
    return this.start(stateMachine, execution, input);
  }
}

function endOf(result: ExecutionResult): ExecutionEnd {
  return {
    status: result.status,
    stopDate: result.stopDate,
    ...(result.status === 'SUCCEEDED' && { output: JSON.stringify(result.output ?? null) }),
    ...(result.error !== undefined && { error: result.error }),
    ...(result.cause !== undefined && { cause: result.cause }),
  };
}

/** The result of an execution the engine refused to run (or crashed on): FAILED with States.Runtime. */
function engineFailure(error: unknown, stateMachine: StoredStateMachine, start: ExecutionStart, events: readonly HistoryEvent[], startDate: Date, now: Date): ExecutionResult {
  const reason = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error && error.name === 'InvalidDefinition'
      ? `The local engine cannot run this state machine's definition: ${reason}`
      : `The local engine failed while running this execution: ${reason}`;
  const all = [...events];
  if (all.length === 0) {
    all.push({
      id: 1,
      previousEventId: 0,
      timestamp: startDate,
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: JSON.stringify(start.input), inputDetails: { truncated: false }, roleArn: stateMachine.roleArn },
    });
  }
  const last = all.at(-1)!;
  all.push({ id: last.id! + 1, previousEventId: last.id!, timestamp: now, type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.Runtime', cause } });
  return { executionArn: start.arn, name: start.name, status: 'FAILED', error: 'States.Runtime', cause, startDate, stopDate: now, events: all };
}
