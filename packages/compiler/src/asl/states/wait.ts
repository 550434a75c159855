import { z } from 'zod';
import { NonNegativeIntegerOrJsonataSchema, PathSchema } from '../common.js';
import { assignFields, commonFields, inputOutputFields, transitionFields } from './fields.js';

/** `"Type": "Wait"`: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath (a rule). */
export const WaitStateSchema = z.strictObject({
  Type: z.literal('Wait'),
  ...commonFields,
  ...inputOutputFields,
  ...assignFields,
  ...transitionFields,
  Seconds: NonNegativeIntegerOrJsonataSchema.optional(),
  /** RFC 3339 (`2016-03-14T01:59:00Z`), checked by a rule; JSONata states may use `{% %}`. */
  Timestamp: z.string().optional(),
  SecondsPath: PathSchema.optional(),
  TimestampPath: PathSchema.optional(),
});
export type WaitState = z.infer<typeof WaitStateSchema>;
