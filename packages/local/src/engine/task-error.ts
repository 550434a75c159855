/**
 * Thrown by a task handler (or a mock) to fail the task with AWS's error and cause, e.g.
 * `throw new TaskError('Lambda.ServiceException', 'throttled')`. Any Error works too: its `name`
 * becomes the error and its `message` the cause, as the Lambda integration reports them.
 */
export class TaskError extends Error {
  override readonly name: string;
  override readonly cause: string | undefined;

  constructor(
    readonly error: string,
    cause?: string,
  ) {
    super(cause ?? '');
    this.name = error;
    this.cause = cause;
  }
}
