import { z } from 'zod';
import { ChoiceRuleSchema } from '../choice-rule.js';
import { assignFields, commonFields, inputOutputFields } from './fields.js';

/** `"Type": "Choice"`: branches on its rules; never an End state, so no Next/End of its own. */
export const ChoiceStateSchema = z.strictObject({
  Type: z.literal('Choice'),
  ...commonFields,
  ...inputOutputFields,
  ...assignFields,
  Choices: z.array(ChoiceRuleSchema),
  Default: z.string().optional(),
});
export type ChoiceState = z.infer<typeof ChoiceStateSchema>;
