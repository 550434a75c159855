export type JitterStrategy = 'FULL' | 'NONE';

/** One Retrier of a Task, Parallel or Map state. */
export interface RetryNode {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: JitterStrategy;
  readonly comment?: string;
}
