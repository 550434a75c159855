/**
 * Errors as Step Functions reports them: an error name and a cause. Everything that fails inside an
 * execution is turned into a StatesError; Retry and Catch match on its `error`.
 */
export class StatesError extends Error {
  override readonly name = 'StatesError';

  constructor(
    /** AWS's error name ("States.TaskFailed", "Lambda.ServiceException", or a custom name). */
    readonly error: string,
    /** AWS's cause: free text, often a JSON string. */
    override readonly cause: string = '',
  ) {
    super(cause ? `${error}: ${cause}` : error);
  }
}

/** The error names of the States Language that this engine raises. */
export const States = {
  ALL: 'States.ALL',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ParameterPathFailure: 'States.ParameterPathFailure',
  IntrinsicFailure: 'States.IntrinsicFailure',
  QueryEvaluationError: 'States.QueryEvaluationError',
  BranchFailed: 'States.BranchFailed',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  DataLimitExceeded: 'States.DataLimitExceeded',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
  Runtime: 'States.Runtime',
  Permissions: 'States.Permissions',
} as const;

/**
 * Errors that end the execution whatever its Retry and Catch say: AWS documents that neither Retry
 * nor Catch (not even States.ALL) handles States.Runtime, and that States.ALL does not match
 * States.DataLimitExceeded (which a catcher may still name explicitly).
 */
export function isTerminal(error: string): boolean {
  return error === States.Runtime;
}

/**
 * Does one entry of ErrorEquals match this error? States.ALL matches any error except the terminal
 * ones and States.DataLimitExceeded; States.TaskFailed matches any error except the timeouts (and
 * what States.ALL cannot match); States.Timeout also matches a heartbeat timeout, which AWS
 * documents as a kind of task timeout.
 */
export function errorMatches(pattern: string, error: string): boolean {
  if (isTerminal(error)) return false;
  if (pattern === error) return true;
  if (pattern === States.Timeout && error === States.HeartbeatTimeout) return true;
  if (error === States.DataLimitExceeded) return false;
  if (pattern === States.ALL) return true;
  if (pattern === States.TaskFailed) return error !== States.Timeout && error !== States.HeartbeatTimeout;
  return false;
}

/** A state's failure that stops its frame: Runtime errors, payload limits, JSONPath path misses. */
export function runtimeError(stateName: string, message: string): StatesError {
  return new StatesError(States.Runtime, `An error occurred while executing the state '${stateName}'. ${message}`);
}

/** Turns anything a task handler threw into AWS's error and cause. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error) {
    const error = 'error' in thrown && typeof thrown.error === 'string' ? thrown.error : thrown.name || 'Error';
    const cause = typeof thrown.cause === 'string' ? thrown.cause : thrown.message;
    return new StatesError(error, cause);
  }
  return new StatesError('Error', typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown)));
}
