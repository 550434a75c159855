import type { StatesError } from '../errors.js';
import type { Clock } from '../types.js';

/**
 * A task's TimeoutSeconds or HeartbeatSeconds on the execution's clock: `expired` rejects with the
 * timeout error unless `stop()` comes first; `beat()` starts the period again (a heartbeat).
 */
export class Deadline {
  readonly expired: Promise<never>;
  #reject!: (error: StatesError) => void;
  #sleeping: AbortController | undefined;
  #stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly ms: number,
    private readonly timeoutError: () => StatesError,
  ) {
    this.expired = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    this.expired.catch(() => undefined);
    this.#arm();
  }

  beat(): void {
    if (!this.#stopped) this.#arm();
  }

  stop(): void {
    this.#stopped = true;
    this.#sleeping?.abort();
  }

  #arm(): void {
    this.#sleeping?.abort();
    const sleeping = new AbortController();
    this.#sleeping = sleeping;
    this.clock.sleep(this.ms, sleeping.signal).then(
      () => {
        if (!this.#stopped && this.#sleeping === sleeping) this.#reject(this.timeoutError());
      },
      () => undefined,
    );
  }
}
