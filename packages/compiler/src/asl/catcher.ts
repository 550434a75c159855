import { z } from 'zod';
import { AssignSchema, CommentSchema, JsonValueSchema, NullablePathSchema } from './common.js';
import { ErrorEqualsSchema } from './retrier.js';

/**
 * One element of `"Catch"` (Task, Parallel, Map). `ResultPath` belongs to JSONPath states and
 * `Output` to JSONata states; the validator checks which one the state's query language allows.
 */
export const CatcherSchema = z.strictObject({
  ErrorEquals: ErrorEqualsSchema,
  Next: z.string(),
  ResultPath: NullablePathSchema.optional(),
  Output: JsonValueSchema.optional(),
  Assign: AssignSchema.optional(),
  Comment: CommentSchema.optional(),
});
export type Catcher = z.infer<typeof CatcherSchema>;
