import type { Clock } from './types.js';

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Wall-clock time: Wait states and retry intervals really wait. */
export function realClock(): Clock {
  return {
    now: () => new Date(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError(signal));
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortError(signal!));
        };
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.max(0, ms),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    track: (work) => work,
  };
}

interface Sleeper {
  due: number;
  order: number;
  resolve(): void;
}

/**
 * Test time: sleeps resolve at once, in order of their due time, while now() advances by the time
 * slept. Time only moves when the process is otherwise idle: after pending promise reactions have run
 * (one setImmediate turn) and while no tracked task handler is running (as Temporal's time-skipping
 * test server does). A wait for something outside the process (a task token) counts as idle, so its
 * HeartbeatSeconds / TimeoutSeconds pass at once unless the answer comes first: a test's worker that
 * does real work before answering holds the clock with `clock.track(work)`. A handler that never
 * settles holds the clock for ever; test a hung handler's timeout on the real clock.
 */
export function virtualClock(start: Date = new Date()): Clock {
  let current = start.getTime();
  let busy = 0;
  let order = 0;
  let scheduled = false;
  const sleepers: Sleeper[] = [];

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(advance);
  };

  function advance() {
    scheduled = false;
    if (busy > 0 || sleepers.length === 0) return;
    sleepers.sort((a, b) => a.due - b.due || a.order - b.order);
    const next = sleepers.shift()!;
    current = Math.max(current, next.due);
    next.resolve();
    if (sleepers.length > 0) schedule();
  }

  return {
    now: () => new Date(current),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError(signal));
        const sleeper: Sleeper = {
          due: current + Math.max(0, ms),
          order: order++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const index = sleepers.indexOf(sleeper);
          if (index >= 0) sleepers.splice(index, 1);
          reject(abortError(signal!));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        schedule();
      }),
    track: <T>(work: Promise<T>) => {
      busy++;
      const release = () => {
        busy--;
        schedule();
      };
      work.then(release, release);
      return work;
    },
  };
}
