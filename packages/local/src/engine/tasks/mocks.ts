import { TaskError } from '../task-error.js';
import type { TaskHandler } from '../types.js';

/**
 * A test's stand-in for a task, by state name or resource: a fixed `result` (the whole task result,
 * e.g. lambda:invoke's `{ Payload, StatusCode… }`), a failure `{ error, cause }`, a function, or a
 * list answering call by call (the last answer repeats), to test Retry.
 */
export type TaskMock =
  { readonly result: unknown } | { readonly error: string; readonly cause?: string } | TaskHandler | readonly TaskMock[];

export function mockHandler(mock: TaskMock, key: string, calls: Map<string, number>): TaskHandler {
  if (typeof mock === 'function') return mock;
  if (Array.isArray(mock)) {
    const list = mock as readonly TaskMock[];
    if (list.length === 0) throw new TypeError(`The mock list for "${key}" is empty: give at least one answer.`);
    const call = calls.get(key) ?? 0;
    calls.set(key, call + 1);
    return mockHandler(list[Math.min(call, list.length - 1)]!, `${key}#${call}`, calls);
  }
  if ('result' in mock) return () => mock.result;
  if ('error' in mock) {
    return () => {
      throw new TaskError(mock.error, mock.cause);
    };
  }
  throw new TypeError(`The mock for "${key}" must be { result }, { error, cause }, a function or a list of these.`);
}
