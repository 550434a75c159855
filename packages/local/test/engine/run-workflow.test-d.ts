import { describe, expectTypeOf, it } from 'vitest';
import { runWorkflow, type ExecutionResult, type MockKey, type StateNameOf, type TaskMock } from '../../src/index.js';

const definition = {
  StartAt: 'Check',
  States: {
    Check: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:check', Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } }],
      Next: 'Each',
    },
    Each: { Type: 'Map', ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } }, End: true },
  },
} as const;

describe('typed mocks', () => {
  it('knows every state name of a definition, nested ones included', () => {
    expectTypeOf<StateNameOf<typeof definition>>().toEqualTypeOf<'Check' | 'Fan' | 'Left' | 'Each' | 'Item'>();
  });

  it('accepts mocks by state name or resource ARN', () => {
    expectTypeOf(
      runWorkflow(definition, { mocks: { Check: { result: 1 }, Item: { error: 'E' }, 'arn:aws:states:::sns:publish': () => 1 } }),
    ).toEqualTypeOf<Promise<ExecutionResult>>();
  });

  it('rejects a misspelt state name', () => {
    // @ts-expect-error "Chek" is not a state of the definition
    void runWorkflow(definition, { mocks: { Chek: { result: 1 } } });
  });

  it('rejects a mock that is neither a result, an error, a function nor a list', () => {
    // @ts-expect-error a mock needs `result` or `error`
    void runWorkflow(definition, { mocks: { Check: { value: 1 } } });
  });

  it("falls back to string keys when the definition's type is unknown (text, JSON files)", () => {
    expectTypeOf<MockKey<string>>().toEqualTypeOf<string>();
    expectTypeOf<TaskMock>().toMatchTypeOf<
      { result: unknown } | { error: string } | readonly TaskMock[] | ((...args: never[]) => unknown)
    >();
  });
});
