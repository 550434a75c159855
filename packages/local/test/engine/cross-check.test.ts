import { describe, expect, it } from 'vitest';
import { runWorkflow, type TaskMock } from '../../src/index.js';
import { crossCheckCases, type CrossCheckCase } from './support/cross-check-cases.js';

/**
 * Semantics cross-checked against aws-local-stepfunctions, an independent implementation: the same
 * JSONPath definitions and inputs, with Task states answered by the same functions, must give the
 * same status and output (or error name).
 */

// aws-local-stepfunctions needs Node 22's Promise.withResolvers.
const promise = Promise as PromiseConstructor & { withResolvers?: unknown };
promise.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const created = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise: created, resolve, reject };
};
const { StateMachine } = await import('aws-local-stepfunctions');

type Outcome = { status: string; output?: unknown; error?: string };

/** Every state of the given kind, nested ones included. */
function statesOfType(definition: Record<string, unknown>, type: string): string[] {
  const names: string[] = [];
  const visit = (machine: { States?: Record<string, Record<string, unknown>> }) => {
    for (const [name, state] of Object.entries(machine.States ?? {})) {
      if (state.Type === type) names.push(name);
      for (const branch of (state.Branches as object[] | undefined) ?? []) visit(branch);
      const processor = (state.ItemProcessor ?? state.Iterator) as object | undefined;
      if (processor) visit(processor);
    }
  };
  visit(definition as { States?: Record<string, Record<string, unknown>> });
  return names;
}

async function runTheirs(testCase: CrossCheckCase): Promise<Outcome> {
  const definition = typeof testCase.definition === 'string' ? JSON.parse(testCase.definition) : testCase.definition;
  const zero = (type: string) => Object.fromEntries(statesOfType(definition, type).map((name) => [name, testCase.waits?.[name] ?? 0]));
  const machine = new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: false } });
  const execution = machine.run(testCase.input as never, {
    overrides: {
      taskResourceLocalHandlers: (testCase.handlers?.() ?? {}) as never,
      waitTimeOverrides: zero('Wait'),
      retryIntervalOverrides: { ...zero('Task'), ...zero('Parallel'), ...zero('Map') },
    },
  });
  try {
    return { status: 'SUCCEEDED', output: await execution.result };
  } catch (error) {
    const cause = (error as { cause?: { name?: string } }).cause;
    return { status: 'FAILED', error: cause?.name };
  }
}

async function runOurs(testCase: CrossCheckCase): Promise<Outcome> {
  const mocks: Record<string, TaskMock> = Object.fromEntries(
    Object.entries(testCase.handlers?.() ?? {}).map(([name, handler]) => [name, (input: unknown) => handler(input)]),
  );
  const result = await runWorkflow(testCase.definition, { input: testCase.input, mocks });
  return result.status === 'SUCCEEDED' ? { status: result.status, output: result.output } : { status: result.status, error: result.error };
}

const cases = crossCheckCases();

it('has a shared set of definitions and inputs', () => {
  expect(cases.length).toBeGreaterThan(70);
});

describe.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
  it('gives the same outcome in both engines', async () => {
    const [ours, theirs] = await Promise.all([runOurs(testCase), runTheirs(testCase)]);
    const normalize = testCase.normalize ?? ((outcome: Outcome) => outcome);
    expect(normalize(ours)).toEqual(normalize(theirs));
  });
});
