import { randomBytes } from 'node:crypto';
import { BoundedSet } from './bounded-set.js';

/** What the engine does when the outside world answers a waiting `.waitForTaskToken` task. */
export interface TokenWaiter {
  succeed(output: unknown): void;
  fail(error: string | undefined, cause: string | undefined): void;
  heartbeat(): void;
}

/** An error whose `name` is the Step Functions API error code, as the endpoint returns it. */
function apiError(code: string, message: string): Error {
  const error = new Error(message);
  error.name = code;
  return error;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{64}$/;

/**
 * Pending `.waitForTaskToken` callbacks; shared between executions and the endpoint's SendTask*
 * actions. Methods throw errors whose `name` is AWS's error code: TaskDoesNotExist, InvalidToken,
 * TaskTimedOut.
 */
export class TaskTokens {
  readonly #waiting = new Map<string, TokenWaiter>();
  // Remembered so a late answer hears TaskTimedOut; the oldest are forgotten (then TaskDoesNotExist).
  readonly #timedOut = new BoundedSet<string>(10_000);

  /** Engine side: a new token for a task that now waits for its answer. */
  register(waiter: TokenWaiter): string {
    const token = randomBytes(48).toString('base64url');
    this.#waiting.set(token, waiter);
    return token;
  }

  /** Engine side: the task stopped waiting (answered, failed, aborted or timed out). */
  release(token: string, reason: 'done' | 'timedOut'): void {
    this.#waiting.delete(token);
    if (reason === 'timedOut') this.#timedOut.add(token);
  }

  sendTaskSuccess(token: string, output: unknown): void {
    this.#take(token).succeed(output);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.#take(token).fail(error, cause);
  }

  sendTaskHeartbeat(token: string): void {
    this.#find(token).heartbeat();
  }

  #take(token: string): TokenWaiter {
    const waiter = this.#find(token);
    this.#waiting.delete(token);
    return waiter;
  }

  #find(token: string): TokenWaiter {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) {
      throw apiError('InvalidToken', 'Invalid token: this is not a task token issued by this engine.');
    }
    if (this.#timedOut.has(token)) throw apiError('TaskTimedOut', 'Task Timed Out: the task of this token has already timed out.');
    const waiter = this.#waiting.get(token);
    if (!waiter) throw apiError('TaskDoesNotExist', 'Task does not exist anymore: it has already been answered, or its execution ended.');
    return waiter;
  }
}
