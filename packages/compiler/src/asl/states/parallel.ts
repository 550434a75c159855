import { z } from 'zod';
import { CommentSchema } from '../common.js';
import { StateSchema } from './state.js';
import {
  argumentsFields,
  assignFields,
  commonFields,
  errorHandlingFields,
  inputOutputFields,
  parametersFields,
  resultPathFields,
  resultSelectorFields,
  transitionFields,
} from './fields.js';

/** One element of `Branches`: a state machine of its own; its states only transition among themselves. */
export const BranchSchema = z.strictObject({
  StartAt: z.string(),
  get States() {
    return z.record(z.string(), StateSchema);
  },
  Comment: CommentSchema.optional(),
});
export type Branch = z.infer<typeof BranchSchema>;

/** `"Type": "Parallel"`: runs every branch on the same input; the result is the array of branch outputs. */
export const ParallelStateSchema = z.strictObject({
  Type: z.literal('Parallel'),
  ...commonFields,
  ...inputOutputFields,
  ...assignFields,
  ...transitionFields,
  ...resultPathFields,
  ...parametersFields,
  ...resultSelectorFields,
  ...argumentsFields,
  ...errorHandlingFields,
  Branches: z.array(BranchSchema),
});
export type ParallelState = z.infer<typeof ParallelStateSchema>;
