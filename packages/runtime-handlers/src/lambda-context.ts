/** The part of the Lambda context object the handlers use. */
export interface LambdaContext {
  /** Milliseconds left before Lambda stops the invocation. */
  getRemainingTimeInMillis(): number;
  readonly awsRequestId?: string;
}
