import type { RetryOptions } from '../../../states/common.js';

/**
 * The retry the Step Functions console writes for Lambda tasks (seeds 003 and 004): transient
 * Lambda service errors, 6 attempts from 2 s doubling. AWS's best-practice page ("Handle Lambda
 * service exceptions") also lists `Lambda.ClientExecutionTimeoutException`; add your own
 * retrier when you need it.
 */
export const serviceExceptionRetry: RetryOptions = Object.freeze({
  errors: Object.freeze(['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'] as const),
  intervalSeconds: 2,
  maxAttempts: 6,
  backoffRate: 2,
});

/** A helper's `retryServiceExceptions` option. */
export interface RetryServiceExceptions {
  /** Adds `serviceExceptionRetry` as the state's Retry. */
  readonly retryServiceExceptions?: boolean;
}

export interface RetryField {
  readonly retry?: readonly RetryOptions[];
}

/** The Task's `retry` option for `retryServiceExceptions: true`. */
export const retryField = (options: RetryServiceExceptions): RetryField =>
  options.retryServiceExceptions === true ? { retry: Object.freeze([serviceExceptionRetry]) } : {};
