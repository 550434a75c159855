import { z } from 'zod';
import { commonFields, inputOutputFields } from './fields.js';

/** `"Type": "Succeed"`: a terminal state; no Next, End, Assign, Parameters or Result. */
export const SucceedStateSchema = z.strictObject({
  Type: z.literal('Succeed'),
  ...commonFields,
  ...inputOutputFields,
});
export type SucceedState = z.infer<typeof SucceedStateSchema>;
