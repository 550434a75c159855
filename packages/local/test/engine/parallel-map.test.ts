import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runWorkflow, TaskError, type TaskHandler } from '../../src/index.js';

/** Parallel and inline Map: real concurrency limits, order of results, and stopping on the first failure. */

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:work';

/** A handler that does real asynchronous work and records how many ran at once. */
function counting(): { handler: TaskHandler; mostAtOnce: () => number } {
  let running = 0;
  let most = 0;
  return {
    handler: async (input) => {
      running++;
      most = Math.max(most, running);
      await delay(5);
      running--;
      return input;
    },
    mostAtOnce: () => most,
  };
}

const mapOf = (fields: Record<string, unknown>) => ({
  StartAt: 'M',
  States: {
    M: {
      Type: 'Map',
      ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: FUNCTION, End: true } } },
      ...fields,
      End: true,
    },
  },
});

describe('Map', () => {
  it.each([
    [1, 1],
    [3, 3],
    [0, 12],
  ])('runs at most MaxConcurrency %i iterations at once (0: all %i)', async (maxConcurrency, expected) => {
    const { handler, mostAtOnce } = counting();
    const items = Array.from({ length: 12 }, (_, i) => i);
    const result = await runWorkflow(mapOf({ MaxConcurrency: maxConcurrency }), { input: items, tasks: { work: handler } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: items });
    expect(mostAtOnce()).toBe(expected);
  });

  it('takes MaxConcurrency from MaxConcurrencyPath', async () => {
    const { handler, mostAtOnce } = counting();
    await runWorkflow(mapOf({ ItemsPath: '$.items', MaxConcurrencyPath: '$.limit' }), {
      input: { items: [1, 2, 3, 4, 5], limit: 2 },
      tasks: { work: handler },
    });
    expect(mostAtOnce()).toBe(2);
  });

  it('stops the other iterations when one fails, and records why', async () => {
    const handler: TaskHandler = async (input) => {
      if (input === 2) throw new TaskError('Item.Failed', 'item 2');
      await delay(50);
      return input;
    };
    const result = await runWorkflow(mapOf({}), { input: [1, 2, 3], tasks: { work: handler } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Item.Failed', cause: 'item 2' });
    const types = result.events.map((e) => e.type);
    expect(types.filter((t) => t === 'MapIterationFailed')).toHaveLength(1);
    expect(types.filter((t) => t === 'MapIterationAborted')).toHaveLength(2);
    expect(types.slice(-2)).toEqual(['MapStateFailed', 'ExecutionFailed']);
  });

  it('records MapStateStarted with the number of items, and one iteration per item', async () => {
    const result = await runWorkflow(mapOf({}), { input: ['a', 'b'], tasks: { work: (input) => input } });
    expect(result.events.find((e) => e.type === 'MapStateStarted')?.mapStateStartedEventDetails).toEqual({ length: 2 });
    expect(result.events.filter((e) => e.type === 'MapIterationSucceeded').map((e) => e.mapIterationSucceededEventDetails)).toEqual(
      expect.arrayContaining([
        { name: 'M', index: 0 },
        { name: 'M', index: 1 },
      ]),
    );
  });

  it('fails with States.Runtime when the items are not an array', async () => {
    const result = await runWorkflow(mapOf({ ItemsPath: '$.items' }), { input: { items: { not: 'an array' } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain('must be a JSON array');
  });
});

describe('Parallel', () => {
  it('runs the branches at once and returns their outputs in branch order', async () => {
    const { handler, mostAtOnce } = counting();
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: ['a', 'b', 'c'].map((name) => ({
            StartAt: name,
            States: { [name]: { Type: 'Task', Resource: FUNCTION, Parameters: { name }, End: true } },
          })),
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, { tasks: { work: handler } });
    expect(result.output).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(mostAtOnce()).toBe(3);
  });

  it('aborts a branch still waiting when another fails', async () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } },
            { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Stop', Cause: 'now' } } },
          ],
          Catch: [{ ErrorEquals: ['Stop'], Next: 'After' }],
          End: true,
        },
        After: { Type: 'Pass', End: true },
      },
    };
    const result = await runWorkflow(definition);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'Stop', Cause: 'now' } });
    expect(result.events.map((e) => e.type)).toContain('WaitStateAborted');
    expect(result.stopDate.getTime()).toBe(result.startDate.getTime());
  });
});
