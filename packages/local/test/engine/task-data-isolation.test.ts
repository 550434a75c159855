import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';

/**
 * A task's input and result cross a process boundary in Step Functions (they are JSON text), so a
 * handler can neither change the state's data by mutating its input nor change it later through
 * the object it returned.
 */

const FUNCTION = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describe('task handlers get a copy of the data', () => {
  it("a handler that mutates its input changes neither the state's output nor a sibling branch", async () => {
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Mutate', States: { Mutate: { Type: 'Task', Resource: FUNCTION('mutate'), ResultPath: '$.result', End: true } } },
            {
              StartAt: 'Later',
              States: { Later: { Type: 'Wait', Seconds: 1, Next: 'Echo' }, Echo: { Type: 'Pass', End: true } },
            },
          ],
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, {
      input: { list: [1, 2], label: 'original' },
      tasks: {
        mutate: (input) => {
          const data = input as { list: number[]; label: string };
          data.list.push(99);
          data.label = 'mutated';
          return 'done';
        },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    expect(result.output).toEqual([
      { list: [1, 2], label: 'original', result: 'done' },
      { list: [1, 2], label: 'original' },
    ]);
  });

  it('the Lambda integration (lambda:invoke) hands its handler a copy of the Payload', async () => {
    const definition = {
      StartAt: 'Invoke',
      States: {
        Invoke: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: FUNCTION('mutate'), 'Payload.$': '$' },
          ResultSelector: { 'value.$': '$.Payload' },
          ResultPath: '$.invoked',
          End: true,
        },
      },
    };
    let received: unknown;
    const result = await runWorkflow(definition, {
      input: { label: 'original' },
      tasks: {
        mutate: (input) => {
          received = input;
          (input as { label: string }).label = 'mutated';
          return 'done';
        },
      },
    });
    expect(received).toEqual({ label: 'mutated' });
    expect(result.output).toEqual({ label: 'original', invoked: { value: 'done' } });
  });

  it("the state's data does not follow later changes to the object a handler returned", async () => {
    const kept = { count: 1 };
    const definition = {
      StartAt: 'Make',
      States: {
        Make: { Type: 'Task', Resource: FUNCTION('make'), ResultPath: '$.made', Next: 'Tweak' },
        Tweak: { Type: 'Task', Resource: FUNCTION('tweak'), ResultPath: '$.tweaked', End: true },
      },
    };
    const result = await runWorkflow(definition, {
      input: {},
      tasks: {
        make: () => kept,
        tweak: () => {
          kept.count = 2;
          return 'tweaked';
        },
      },
    });
    expect(result.output).toEqual({ made: { count: 1 }, tweaked: 'tweaked' });
  });
});
