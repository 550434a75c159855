import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { realClock, runExecution, virtualClock } from '../../src/index.js';

/** Time: the virtual clock lets a one-day Wait pass at once while the timestamps advance by a day. */

describe('virtual clock', () => {
  it('finishes a one-day Wait at once, with timestamps a day apart', async () => {
    const start = new Date('2024-03-01T09:00:00Z');
    const definition = {
      StartAt: 'Sleep',
      States: { Sleep: { Type: 'Wait', Seconds: 86_400, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
    };
    const result = await runExecution({ definition, clock: virtualClock(start) });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.startDate).toEqual(start);
    expect(result.stopDate).toEqual(new Date('2024-03-02T09:00:00Z'));
    const exited = result.events.find((e) => e.type === 'WaitStateExited')!;
    expect(exited.timestamp).toEqual(new Date('2024-03-02T09:00:00Z'));
  });

  it('wakes sleepers in order of their due time', async () => {
    const clock = virtualClock(new Date(0));
    const woke: number[] = [];
    await Promise.all([3000, 1000, 2000, 1000].map((ms, i) => clock.sleep(ms).then(() => woke.push(i))));
    expect(woke).toEqual([1, 3, 2, 0]);
    expect(clock.now().getTime()).toBe(3000);
  });

  it('does not move while a task handler does real work', async () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 100, End: true } } },
            {
              StartAt: 'Work',
              States: {
                Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', Next: 'Short' },
                Short: { Type: 'Wait', Seconds: 1, End: true },
              },
            },
          ],
          End: true,
        },
      },
    };
    const result = await runExecution({
      definition,
      clock: virtualClock(new Date(0)),
      tasks: { work: () => delay(30).then(() => 'done') },
    });
    const shortExit = result.events.find((e) => e.type === 'WaitStateExited' && e.stateExitedEventDetails?.name === 'Short')!;
    expect(shortExit.timestamp!.getTime()).toBe(1000);
    expect(result.stopDate.getTime()).toBe(100_000);
  });

  it('rejects a sleep whose signal aborts', async () => {
    const clock = virtualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(5000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});

describe('real clock', () => {
  it('sleeps, and rejects when aborted', async () => {
    const clock = realClock();
    await expect(clock.sleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const sleeping = clock.sleep(60_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
  });
});
