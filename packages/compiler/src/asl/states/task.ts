import { z } from 'zod';
import { IntegerOrJsonataSchema, JsonValueSchema, PathSchema } from '../common.js';
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

/** `"Type": "Task"`: runs the work named by `Resource` (a Lambda ARN, `arn:aws:states:::…`, an activity). */
export const TaskStateSchema = z.strictObject({
  Type: z.literal('Task'),
  ...commonFields,
  ...inputOutputFields,
  ...assignFields,
  ...transitionFields,
  ...resultPathFields,
  ...parametersFields,
  ...resultSelectorFields,
  ...argumentsFields,
  ...errorHandlingFields,
  Resource: z.string(),
  /** Positive integer (a rule checks ≥ 1); JSONata states may use `{% %}`. */
  TimeoutSeconds: IntegerOrJsonataSchema.optional(),
  TimeoutSecondsPath: PathSchema.optional(),
  /** Positive integer smaller than TimeoutSeconds (rules). */
  HeartbeatSeconds: IntegerOrJsonataSchema.optional(),
  HeartbeatSecondsPath: PathSchema.optional(),
  /** Cross-account access: `{ "RoleArn": … }` (or `RoleArn.$`); the interpreter defines it. */
  Credentials: z.record(z.string(), JsonValueSchema).optional(),
});
export type TaskState = z.infer<typeof TaskStateSchema>;
