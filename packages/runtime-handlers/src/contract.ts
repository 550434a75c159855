import type { z } from 'zod';

/**
 * A handler's contract: the zod schema of the event it accepts and of the result it returns.
 * The handler validates its event against `input` at run time; the DSL reads both at compile
 * time (a task bound to the contract checks its parameters against `z.input<input>` and types
 * its result as `z.output<output>`).
 */
export interface HandlerContract<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly output: Output;
}

export function contract<Input extends z.ZodType, Output extends z.ZodType>(input: Input, output: Output): HandlerContract<Input, Output> {
  return Object.freeze({ input, output });
}

/** What a handler receives, once its event has passed its contract. */
export type RequestOf<C extends HandlerContract> = z.output<C['input']>;
/** What a handler returns. */
export type ResultOf<C extends HandlerContract> = z.output<C['output']>;
