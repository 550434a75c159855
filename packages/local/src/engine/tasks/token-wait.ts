import { StatesError } from '../errors.js';
import type { TaskTokens } from '../task-tokens.js';

/**
 * A `.waitForTaskToken` task's wait: the token (put into `$$.Task.Token` before Parameters are
 * evaluated) and the answer that SendTaskSuccess / SendTaskFailure give through the TaskTokens.
 */
export class TokenWait {
  readonly token: string;
  readonly answer: Promise<unknown>;
  /** Called on SendTaskHeartbeat. */
  onHeartbeat: () => void = () => undefined;

  constructor(private readonly tokens: TaskTokens) {
    let succeed!: (output: unknown) => void;
    let fail!: (error: StatesError) => void;
    this.answer = new Promise((resolve, reject) => {
      succeed = resolve;
      fail = reject;
    });
    this.answer.catch(() => undefined);
    this.token = tokens.register({
      succeed: (output) => succeed(output),
      fail: (error, cause) => fail(new StatesError(error ?? '', cause ?? '')),
      heartbeat: () => this.onHeartbeat(),
    });
  }

  close(reason: 'done' | 'timedOut'): void {
    this.tokens.release(this.token, reason);
  }
}
