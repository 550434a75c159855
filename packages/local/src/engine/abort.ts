import { setMaxListeners } from 'node:events';

/**
 * Raised inside an execution when its work must stop: the execution was stopped or timed out, or a
 * sibling Parallel branch / Map iteration failed. States record their *Aborted events and rethrow it.
 */
export class Aborted extends Error {
  override readonly name = 'Aborted';
}

/** Settles like `promise`, or rejects with Aborted as soon as `signal` aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Aborted('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Aborted('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An AbortSignal that many concurrent tasks and iterations listen to (no leak warning). */
export function sharedController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(Infinity, controller.signal);
  return controller;
}

/**
 * A controller that also aborts when `parent` does, so a Parallel's branches stop with the
 * execution. `dispose()` unhooks it from the parent once the work is done.
 */
export class LinkedController {
  readonly #controller = sharedController();
  readonly #onParentAbort = () => this.#controller.abort(this.parent.reason);

  constructor(private readonly parent: AbortSignal) {
    if (parent.aborted) this.#controller.abort(parent.reason);
    else parent.addEventListener('abort', this.#onParentAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  dispose(): void {
    this.parent.removeEventListener('abort', this.#onParentAbort);
  }
}
