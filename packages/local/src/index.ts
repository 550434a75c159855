export type {
  ChildExecution,
  Clock,
  ExecutionResult,
  ExecutionStatus,
  HistoryEvent,
  RunOptions,
  ServiceOptions,
  TaskContext,
  TaskHandler,
} from './engine/types.js';
export { realClock, virtualClock } from './engine/clock.js';
export { TaskError } from './engine/task-error.js';
export { TaskTokens } from './engine/task-tokens.js';
export { runExecution } from './engine/run-execution.js';
export { InvalidDefinition } from './engine/load-definition.js';
export { runWorkflow, type MockKey, type RunWorkflowOptions, type StateNameOf, type WorkflowSource } from './engine/run-workflow.js';
export type { TaskMock } from './engine/tasks/mocks.js';
export { startLocalEndpoint, type LocalEndpoint, type LocalEndpointOptions } from './endpoint/start-local-endpoint.js';
