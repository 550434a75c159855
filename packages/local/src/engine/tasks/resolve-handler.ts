import { runtimeError } from '../errors.js';
import type { StateRun } from '../state-run.js';
import type { TaskContext, TaskHandler } from '../types.js';
import { callAwsSdk, isSdkIntegration } from './aws-sdk.js';
import { lambdaInvokeResult } from './lambda.js';
import { mockHandler } from './mocks.js';
import { lambdaNames, type ParsedResource } from './resource.js';
import { startExecutionTask } from './start-execution.js';

/** How a task runs: the function, and how its failures read (Lambda's error document, or as thrown). */
export interface ResolvedTask {
  readonly handler: TaskHandler;
  readonly source: 'mock' | 'handler' | 'integration';
  readonly lambdaErrors: boolean;
}

/**
 * Finds what runs a Task, in this order: a mock for the state name, a mock for the resource, a
 * local handler (by resource ARN or `${Placeholder}` name; for Lambda by function ARN, unqualified
 * ARN or function name), then the built-in integrations (states:startExecution, the AWS SDK).
 * A task with none of these is a States.Runtime error that says how to bind one.
 */
export function resolveTask(run: StateRun, parsed: ParsedResource, input: unknown): ResolvedTask {
  const { options, placeholders, mockCalls } = run.execution;
  const mocks = options.mocks ?? {};
  for (const key of [run.name, parsed.arn]) {
    const mock = mocks[key];
    if (mock !== undefined) return { handler: mockHandler(mock, key, mockCalls), source: 'mock', lambdaErrors: false };
  }

  const tasks = options.tasks ?? {};
  const placeholderNames = (value: string) => {
    const unresolved = /^\$\{([^}]+)\}$/.exec(value)?.[1];
    const resolved = placeholders.get(value);
    return [unresolved, resolved].filter((name): name is string => name !== undefined);
  };
  const find = (names: readonly string[]) => names.map((name) => tasks[name]).find((handler) => handler !== undefined);

  if (parsed.kind === 'integration' && parsed.service === 'lambda' && parsed.action === 'invoke') {
    const functionName = String((input as { FunctionName?: unknown } | null)?.FunctionName ?? '');
    const handler = find([...lambdaNames(functionName), ...placeholderNames(functionName), parsed.arn]);
    if (handler) {
      const invoke: TaskHandler = async (taskInput, context) => {
        const payload = (taskInput as { Payload?: unknown }).Payload;
        return lambdaInvokeResult(await handler(payload === undefined ? {} : payload, context));
      };
      return { handler: invoke, source: 'handler', lambdaErrors: true };
    }
    throw noHandler(run, parsed, [...lambdaNames(functionName), ...placeholderNames(functionName)]);
  }

  const names =
    parsed.kind === 'lambda'
      ? [...lambdaNames(parsed.arn), ...placeholderNames(parsed.arn)]
      : [parsed.arn, ...placeholderNames(parsed.arn)];
  const handler = find(names);
  if (handler) return { handler, source: 'handler', lambdaErrors: parsed.kind === 'lambda' };

  if (parsed.kind === 'integration' && parsed.service === 'states' && parsed.action === 'startExecution') {
    return { handler: (taskInput) => startExecutionTask(run, parsed, taskInput), source: 'integration', lambdaErrors: false };
  }
  if (parsed.kind === 'integration' && isSdkIntegration(parsed.service, parsed.action, parsed.sdk)) {
    const handler: TaskHandler = (taskInput, context: TaskContext) =>
      callAwsSdk(options.services, parsed.service!, parsed.action!, taskInput, parsed.sdk, context.signal);
    return { handler, source: 'integration', lambdaErrors: false };
  }
  throw noHandler(run, parsed, names);
}

function noHandler(run: StateRun, parsed: ParsedResource, names: readonly string[]) {
  const keys = [...new Set(names.filter(Boolean))].map((name) => JSON.stringify(name)).join(' or ');
  return runtimeError(
    run.name,
    `Nothing runs the resource '${parsed.arn}': bind a handler with options.tasks[${keys}], or mock the state ('${run.name}').`,
  );
}
