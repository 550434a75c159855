import type { Schema } from '../../schema.js';

/** A Standard Schema seen through what it accepts (zod's `z.input`): what a caller must send. */
export interface InputSchema<T> {
  readonly '~standard': { readonly types?: { readonly input: T } | undefined };
}

/**
 * A Lambda handler's contract, as runtime-handlers exports it: `{ input, output }` schemas (zod,
 * or any Standard Schema). A task bound to it must send what `input` accepts, and its result is
 * typed as what `output` produces.
 */
export interface HandlerContract<In, Out> {
  readonly input: InputSchema<In>;
  readonly output: Schema<Out>;
}

/** A helper's `contract` option: a contract, or none (`undefined`). */
export type ContractOption = HandlerContract<any, any> | undefined;

/**
 * What the handler accepts (anything without a contract). Read off the contract's type rather
 * than inferred on its own, so TypeScript can only learn it from `contract`, never from the payload.
 */
export type AcceptedBy<C extends ContractOption> = C extends HandlerContract<infer In, any> ? In : unknown;

/** What the handler returns: the contract's output, or `Otherwise` without a contract. */
export type ReturnedBy<C extends ContractOption, Otherwise> = C extends HandlerContract<any, infer Out> ? Out : Otherwise;
