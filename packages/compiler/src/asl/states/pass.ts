import { z } from 'zod';
import { JsonValueSchema } from '../common.js';
import { assignFields, commonFields, inputOutputFields, parametersFields, resultPathFields, transitionFields } from './fields.js';

/** `"Type": "Pass"`: passes its input on, or a fixed `Result`, or a `Parameters` payload. No Retry/Catch/ResultSelector. */
export const PassStateSchema = z.strictObject({
  Type: z.literal('Pass'),
  ...commonFields,
  ...inputOutputFields,
  ...assignFields,
  ...transitionFields,
  ...resultPathFields,
  ...parametersFields,
  Result: JsonValueSchema.optional(),
});
export type PassState = z.infer<typeof PassStateSchema>;
