import { mkdirSync } from 'node:fs';
import type { HistoryEvent } from '../engine/types.js';
import { DataFolderLock } from './data-folder-lock.js';
import { Journal } from './journal.js';
import type { ExecutionEnd, JournalRecord, StoredExecution, StoredStateMachine } from './records.js';

export interface StoreOptions {
  /** Where to persist; without it everything lives in memory and ends with the process. */
  dataDir?: string;
  /** The endpoint's clock, for the events written when interrupted executions are closed. */
  now: () => Date;
}

/** The error and cause given to an execution that was running when the endpoint's process ended. */
export const INTERRUPTED = {
  error: 'States.Runtime',
  cause:
    'The local endpoint stopped while this execution was running (its process ended), so the execution did not finish. The local endpoint does not resume executions: start a new one.',
} as const;

/**
 * The endpoint's state machines and executions, in memory and, with a data folder, in its journal.
 * Every change is one journal record, applied to memory and appended to disk by the same code path
 * that replays the journal on start. On start, executions the journal shows still RUNNING were cut
 * off by the end of the previous process: they are closed as FAILED (States.Runtime) with an
 * ExecutionFailed event, so they are reported truthfully and never vanish.
 */
export class Store {
  readonly #stateMachines = new Map<string, StoredStateMachine>();
  readonly #executions = new Map<string, StoredExecution>();
  #journal: Journal | undefined;
  #lock: DataFolderLock | undefined;

  private constructor() {}

  static open(options: StoreOptions): Store {
    const store = new Store();
    if (options.dataDir === undefined) return store;
    mkdirSync(options.dataDir, { recursive: true });
    const lock = DataFolderLock.acquire(options.dataDir);
    try {
      store.#journal = Journal.open(options.dataDir, (history) => {
        for (const record of history) store.#apply(record);
        store.#closeInterrupted(options.now());
        return store.#snapshot();
      });
    } catch (error) {
      lock.release();
      throw error;
    }
    store.#lock = lock;
    return store;
  }

  /** In creation order. */
  stateMachines(): StoredStateMachine[] {
    return [...this.#stateMachines.values()];
  }

  stateMachine(arn: string): StoredStateMachine | undefined {
    return this.#stateMachines.get(arn);
  }

  /** Created or updated (the whole record). */
  saveStateMachine(stateMachine: StoredStateMachine): void {
    this.#record({ kind: 'stateMachineSaved', stateMachine });
  }

  /** Deletes the state machine and its executions. */
  deleteStateMachine(arn: string): void {
    this.#record({ kind: 'stateMachineDeleted', arn });
  }

  /** A state machine's executions, newest first. */
  executionsOf(stateMachineArn: string): StoredExecution[] {
    return [...this.#executions.values()].filter((execution) => execution.stateMachineArn === stateMachineArn).reverse();
  }

  execution(arn: string): StoredExecution | undefined {
    return this.#executions.get(arn);
  }

  startExecution(execution: Omit<StoredExecution, 'status' | 'events'>): StoredExecution {
    const { arn, stateMachineArn, name, input, startDate, traceHeader } = execution;
    this.#record({ kind: 'executionStarted', execution: { arn, stateMachineArn, name, input, startDate, ...(traceHeader !== undefined && { traceHeader }) } });
    return this.#executions.get(arn)!;
  }

  appendEvent(executionArn: string, event: HistoryEvent): void {
    this.#record({ kind: 'event', executionArn, event });
  }

  endExecution(executionArn: string, end: ExecutionEnd): void {
    this.#record({ kind: 'executionEnded', executionArn, end });
  }

  close(): void {
    this.#journal?.close();
    this.#journal = undefined;
    this.#lock?.release();
    this.#lock = undefined;
  }

  #record(record: JournalRecord): void {
    this.#apply(record);
    this.#journal?.append(record);
  }

  #apply(record: JournalRecord): void {
    switch (record.kind) {
      case 'journal':
        return;
      case 'stateMachineSaved':
        this.#stateMachines.set(record.stateMachine.arn, record.stateMachine);
        return;
      case 'stateMachineDeleted':
        this.#stateMachines.delete(record.arn);
        for (const execution of this.executionsOf(record.arn)) this.#executions.delete(execution.arn);
        return;
      case 'executionStarted':
        this.#executions.set(record.execution.arn, { ...record.execution, status: 'RUNNING', events: [] });
        return;
      case 'event':
        this.#executions.get(record.executionArn)?.events.push(record.event);
        return;
      case 'executionEnded': {
        const execution = this.#executions.get(record.executionArn);
        if (execution) Object.assign(execution, record.end);
        return;
      }
    }
  }

  #closeInterrupted(now: Date): void {
    for (const execution of this.#executions.values()) {
      if (execution.status !== 'RUNNING') continue;
      const last = execution.events.at(-1);
      this.#apply({
        kind: 'event',
        executionArn: execution.arn,
        event: {
          id: (last?.id ?? 0) + 1,
          ...(last?.id !== undefined && { previousEventId: last.id }),
          timestamp: now,
          type: 'ExecutionFailed',
          executionFailedEventDetails: { ...INTERRUPTED },
        },
      });
      this.#apply({ kind: 'executionEnded', executionArn: execution.arn, end: { status: 'FAILED', stopDate: now, ...INTERRUPTED } });
    }
  }

  /** The records that rebuild the store as it is now: what a compacted journal holds. */
  #snapshot(): JournalRecord[] {
    const records: JournalRecord[] = [{ kind: 'journal', version: 1 }];
    for (const stateMachine of this.#stateMachines.values()) records.push({ kind: 'stateMachineSaved', stateMachine });
    for (const { status, events, stopDate, output, error, cause, ...execution } of this.#executions.values()) {
      records.push({ kind: 'executionStarted', execution });
      for (const event of events) records.push({ kind: 'event', executionArn: execution.arn, event });
      if (status !== 'RUNNING') {
        records.push({
          kind: 'executionEnded',
          executionArn: execution.arn,
          end: { status, stopDate: stopDate!, ...(output !== undefined && { output }), ...(error !== undefined && { error }), ...(cause !== undefined && { cause }) },
        });
      }
    }
    return records;
  }
}
