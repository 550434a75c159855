import { z } from 'zod';
import { CommentSchema } from './common.js';

/** `ErrorEquals`: a non-empty list of error names (`States.ALL` must be alone and last: a rule). */
export const ErrorEqualsSchema = z.array(z.string()).min(1);

/**
 * One element of `"Retry"` (Task, Parallel, Map). Value ranges (IntervalSeconds ≥ 1,
 * MaxAttempts ≥ 0, BackoffRate ≥ 1, MaxDelaySeconds ≥ 1) are rules of their own in the validator.
 */
export const RetrierSchema = z.strictObject({
  ErrorEquals: ErrorEqualsSchema,
  IntervalSeconds: z.int().optional(),
  MaxAttempts: z.int().optional(),
  BackoffRate: z.number().optional(),
  MaxDelaySeconds: z.int().optional(),
  JitterStrategy: z.enum(['FULL', 'NONE']).optional(),
  Comment: CommentSchema.optional(),
});
export type Retrier = z.infer<typeof RetrierSchema>;
