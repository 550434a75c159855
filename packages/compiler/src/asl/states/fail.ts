import { z } from 'zod';
import { PathSchema } from '../common.js';
import { commonFields } from './fields.js';

/**
 * `"Type": "Fail"`: ends the execution as failed. Only Error/Cause (or, JSONPath, ErrorPath /
 * CausePath: a reference path or an intrinsic function) besides Type, Comment, QueryLanguage.
 */
export const FailStateSchema = z.strictObject({
  Type: z.literal('Fail'),
  ...commonFields,
  Error: z.string().optional(),
  Cause: z.string().optional(),
  ErrorPath: PathSchema.optional(),
  CausePath: PathSchema.optional(),
});
export type FailState = z.infer<typeof FailStateSchema>;
