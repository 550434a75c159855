/**
 * The Step Functions API's error codes the endpoint returns. Each is sent as AWS sends it,
 * `{"__type": code, "message": …}` with HTTP 400 (unless noted), so @aws-sdk/client-sfn throws its
 * named exception (StateMachineDoesNotExist, …) and the AWS CLI prints
 * "An error occurred (StateMachineDoesNotExist) when calling …".
 */
export type ApiErrorCode =
  // The service's own errors (in the API reference of each action).
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'InvalidArn'
  | 'InvalidDefinition'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'MissingRequiredParameter'
  | 'ResourceNotFound'
  | 'StateMachineAlreadyExists'
  | 'StateMachineDoesNotExist'
  | 'StateMachineTypeNotSupported'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'TooManyTags'
  | 'ValidationException'
  // The JSON protocol's errors (every AWS JSON service has them).
  | 'AccessDeniedException' // 403: addressed to a name the endpoint does not answer to (allowed-hosts.ts)
  | 'SerializationException'
  | 'UnknownOperationException'
  | 'RequestEntityTooLargeException'
  | 'InternalFailure';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Extra members of the error shape (TooManyTags and ResourceNotFound carry `resourceName`). */
    readonly members: Readonly<Record<string, string>> = {},
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}
