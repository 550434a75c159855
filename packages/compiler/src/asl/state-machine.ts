import { z } from 'zod';
import { CommentSchema, QueryLanguageSchema } from './common.js';
import { StateSchema } from './states/state.js';

/**
 * A whole definition: what `CreateStateMachine` takes as `definition` (and what `<Name>.asl.json`
 * holds). `TimeoutSeconds` must be ≥ 1 (a rule).
 */
export const StateMachineSchema = z.strictObject({
  Comment: CommentSchema.optional(),
  StartAt: z.string(),
  States: z.record(z.string(), StateSchema),
  Version: z.string().optional(),
  TimeoutSeconds: z.int().optional(),
  QueryLanguage: QueryLanguageSchema.optional(),
});
export type StateMachine = z.infer<typeof StateMachineSchema>;
