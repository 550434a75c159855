import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWorkflow, TaskError, type ExecutionResult, type TaskHandler } from '../../src/index.js';

/** Retry (IntervalSeconds, BackoffRate, MaxDelaySeconds, JitterStrategy, MaxAttempts) and Catch, on the virtual clock. */

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function failing(errors: readonly string[]): TaskHandler {
  let call = 0;
  return () => {
    const error = errors[call++];
    if (error) throw new TaskError(error, `attempt ${call}`);
    return { attempts: call };
  };
}

/** Seconds after the start at which each attempt was scheduled. */
function attemptTimes(result: ExecutionResult): number[] {
  return result.events
    .filter((e) => e.type === 'LambdaFunctionScheduled')
    .map((e) => (e.timestamp!.getTime() - result.startDate.getTime()) / 1000);
}

const withRetry = (Retry: unknown[], Catch?: unknown[]) => ({
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: FUNCTION, Retry, ...(Catch ? { Catch } : {}), End: true },
    ...(Catch ? { Caught: { Type: 'Pass', End: true } } : {}),
  },
});

afterEach(() => vi.restoreAllMocks());

describe('Retry', () => {
  it('waits IntervalSeconds × BackoffRate^n between attempts', async () => {
    const result = await runWorkflow(withRetry([{ ErrorEquals: ['E'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }]), {
      tasks: { work: failing(['E', 'E', 'E']) },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { attempts: 4 } });
    expect(attemptTimes(result)).toEqual([0, 2, 8, 26]);
  });

  it("uses AWS's defaults: 1 second, rate 2, 3 attempts", async () => {
    const result = await runWorkflow(withRetry([{ ErrorEquals: ['E'] }]), { tasks: { work: failing(['E', 'E', 'E', 'E']) } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'E', cause: 'attempt 4' });
    expect(attemptTimes(result)).toEqual([0, 1, 3, 7]);
  });

  it('caps the delay at MaxDelaySeconds', async () => {
    const result = await runWorkflow(
      withRetry([{ ErrorEquals: ['E'], IntervalSeconds: 10, BackoffRate: 10, MaxDelaySeconds: 50, MaxAttempts: 3 }]),
      { tasks: { work: failing(['E', 'E', 'E']) } },
    );
    expect(attemptTimes(result)).toEqual([0, 10, 60, 110]);
  });

  it('picks a random delay up to the computed one with JitterStrategy FULL', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    const result = await runWorkflow(
      withRetry([{ ErrorEquals: ['E'], IntervalSeconds: 4, BackoffRate: 2, MaxAttempts: 2, JitterStrategy: 'FULL' }]),
      { tasks: { work: failing(['E', 'E']) } },
    );
    expect(attemptTimes(result)).toEqual([0, 1, 3]);
  });

  it('never retries with MaxAttempts 0, and falls through to Catch', async () => {
    const result = await runWorkflow(withRetry([{ ErrorEquals: ['E'], MaxAttempts: 0 }], [{ ErrorEquals: ['E'], Next: 'Caught' }]), {
      tasks: { work: failing(['E']) },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'E', Cause: 'attempt 1' } });
    expect(attemptTimes(result)).toEqual([0]);
  });

  it('uses the first matching retrier, each with its own count', async () => {
    const result = await runWorkflow(
      withRetry([
        { ErrorEquals: ['A'], IntervalSeconds: 1, MaxAttempts: 1 },
        { ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 2, BackoffRate: 1 },
      ]),
      { tasks: { work: failing(['B', 'A', 'B', 'A']) } },
    );
    // B → 5 s (ALL #1), A → 1 s (A #1), B → 5 s (ALL #2), A: the A retrier is used up → fails.
    expect(result).toMatchObject({ status: 'FAILED', error: 'A' });
    expect(attemptTimes(result)).toEqual([0, 5, 6, 11]);
  });

  it('counts retries in $$.State.RetryCount', async () => {
    const seen: unknown[] = [];
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: FUNCTION,
          Parameters: { 'retry.$': '$$.State.RetryCount' },
          Retry: [{ ErrorEquals: ['E'], MaxAttempts: 2 }],
          End: true,
        },
      },
    };
    const handler = failing(['E', 'E']);
    await runWorkflow(definition, { tasks: { work: (input, context) => (seen.push(input), handler(input, context)) } });
    expect(seen).toEqual([{ retry: 0 }, { retry: 1 }, { retry: 2 }]);
  });

  it('retries a Parallel state whose branch failed', async () => {
    const branchTask: TaskHandler = failing(['Flaky']);
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: FUNCTION, End: true } } }],
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 3 }],
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, { tasks: { work: branchTask } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: [{ attempts: 2 }] });
    expect(result.events.filter((e) => e.type === 'ParallelStateStarted')).toHaveLength(2);
  });
});

describe('Catch', () => {
  it('uses the first catcher that matches, putting { Error, Cause } at its ResultPath', async () => {
    const definition = withRetry(
      [],
      [
        { ErrorEquals: ['Other'], Next: 'Caught' },
        { ErrorEquals: ['E', 'F'], ResultPath: '$.failure', Next: 'Caught' },
        { ErrorEquals: ['States.ALL'], Next: 'Caught' },
      ],
    );
    const result = await runWorkflow(definition, { input: { keep: 1 }, tasks: { work: failing(['F']) } });
    expect(result.output).toEqual({ keep: 1, failure: { Error: 'F', Cause: 'attempt 1' } });
    expect(result.events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionFailed',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('reports a thrown Error as Lambda does: the error type, and a JSON cause', async () => {
    const definition = withRetry([], [{ ErrorEquals: ['RangeError'], Next: 'Caught' }]);
    const result = await runWorkflow(definition, {
      tasks: {
        work: () => {
          throw new RangeError('too far');
        },
      },
    });
    const output = result.output as { Error: string; Cause: string };
    expect(output.Error).toBe('RangeError');
    expect(JSON.parse(output.Cause)).toMatchObject({ errorType: 'RangeError', errorMessage: 'too far', trace: expect.any(Array) });
  });
});
