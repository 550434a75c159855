import type { Schema } from '../../schema.js';
import type { InputPathOption } from '../../states/common.js';

/** Options every service helper takes besides its request fields. */
export interface CallOptions<In, Selected> {
  /** InputPath: the part of the state's input the request is built from (the fields' `$`). */
  readonly inputPath?: InputPathOption<In, Selected>;
}

/** Options of a `.waitForTaskToken` helper besides its request. */
export interface CallbackOptions<Result> {
  /** What SendTaskSuccess sends back with the token: the task's result (unknown without it). */
  readonly returns?: Schema<Result>;
}
