import { z } from 'zod';
import { ChoiceStateSchema } from './choice.js';
import { FailStateSchema } from './fail.js';
import { MapStateSchema } from './map.js';
import { ParallelStateSchema } from './parallel.js';
import { PassStateSchema } from './pass.js';
import { SucceedStateSchema } from './succeed.js';
import { TaskStateSchema } from './task.js';
import { WaitStateSchema } from './wait.js';

/** The schema of each state type, by its `Type`. */
export const STATE_SCHEMAS = {
  Task: TaskStateSchema,
  Pass: PassStateSchema,
  Choice: ChoiceStateSchema,
  Wait: WaitStateSchema,
  Succeed: SucceedStateSchema,
  Fail: FailStateSchema,
  Parallel: ParallelStateSchema,
  Map: MapStateSchema,
} as const;
export type StateType = keyof typeof STATE_SCHEMAS;
export const STATE_TYPES = Object.keys(STATE_SCHEMAS) as StateType[];

/** Any state, discriminated by `Type`. */
export const StateSchema = z.discriminatedUnion('Type', [
  TaskStateSchema,
  PassStateSchema,
  ChoiceStateSchema,
  WaitStateSchema,
  SucceedStateSchema,
  FailStateSchema,
  ParallelStateSchema,
  MapStateSchema,
]);
export type State = z.infer<typeof StateSchema>;
