import { describe, expect, it } from 'vitest';
import { runExecution, runWorkflow, type ChildExecution, type ExecutionResult, type TaskHandler } from '../../src/index.js';

/**
 * A Distributed Map child runs part of its parent's definition with the placeholders already
 * resolved: a task bound by placeholder name must still be found there, whether the child runs in
 * this process or through the caller's startExecution.
 */

const SUM_FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:sum';
const double: TaskHandler = (input) => ({ doubled: (input as { n: number }).n * 2 });

/** A Distributed Map over the input's items, each child calling `${SumFn}` one way or the other. */
function distributedMap(task: Record<string, unknown>) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Sum', States: { Sum: { Type: 'Task', ...task, End: true } } },
        End: true,
      },
    },
  };
}

const viaInvoke = distributedMap({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${SumFn}', 'Payload.$': '$' }, OutputPath: '$.Payload' });
const asResource = distributedMap({ Resource: '${SumFn}' });
const input = { items: [{ n: 1 }, { n: 2 }] };
const expected = [{ doubled: 2 }, { doubled: 4 }];

describe('tasks bound by placeholder name, in Distributed Map children', () => {
  it.each([
    ['lambda:invoke with FunctionName ${SumFn}', viaInvoke],
    ['Resource ${SumFn}', asResource],
  ])('%s: found in children run in this process', async (_how, definition) => {
    const result = await runWorkflow(definition, { input, substitutions: { SumFn: SUM_FUNCTION }, tasks: { SumFn: double } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: expected });
  });

  it('found in children started through options.startExecution', async () => {
    const children: ChildExecution[] = [];
    const result = await runWorkflow(viaInvoke, {
      input,
      substitutions: { SumFn: SUM_FUNCTION },
      tasks: { SumFn: double },
      startExecution: (child) => (children.push(child), runExecution({ ...child, definition: child.definition! })),
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: expected });
    expect(children).toHaveLength(2);
  });

  it('a binding under the resolved value itself wins over the placeholder name', async () => {
    const result = await runWorkflow(viaInvoke, {
      input,
      substitutions: { SumFn: SUM_FUNCTION },
      tasks: { SumFn: double, [SUM_FUNCTION]: () => ({ bound: 'by ARN' }) },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: [{ bound: 'by ARN' }, { bound: 'by ARN' }] });
  });

  it('a placeholder bound to nothing is still the error that says how to bind it', async () => {
    const childResults: ExecutionResult[] = [];
    const result = await runWorkflow(viaInvoke, {
      input,
      substitutions: { SumFn: SUM_FUNCTION },
      tasks: { OtherFn: double },
      startExecution: async (child) => {
        const childResult = await runExecution({ ...child, definition: child.definition! });
        childResults.push(childResult);
        return childResult;
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    expect(childResults[0]).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(childResults[0]!.cause).toContain(`bind a handler with options.tasks["${SUM_FUNCTION}" or "sum"]`);
  });
});
