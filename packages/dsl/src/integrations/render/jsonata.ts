import type { Context } from '../../path/context-object.js';
import type { Path } from '../../path/path.js';
import type { Template } from '../../payload/template.js';
import type { InputPathOption } from '../../states/common.js';
import type { ServiceCall } from '../request/service-call.js';

/**
 * The part of a JSONata callback's `{ input, context, vars }` a request reads. Declared on its
 * own (not as `StatesInput<In, any>`) so that a chain's typed variables still fit.
 */
export interface JsonataAccessors<In> {
  readonly input: Path<In>;
  readonly context: Context;
}

/** A service call's request as a JSONata state writes it: Arguments. */
export interface JsonataRequest<In> {
  /**
   * Arguments, built by the same request with JSONata's accessors (`$states.input…`). Its
   * parameter is also how `$` gets its type in a JSONata chain.
   */
  readonly arguments?: (s: JsonataAccessors<In>) => Template;
}

/**
 * JSONata has no InputPath: a helper's `inputPath` selects from `$states.input` instead, so the
 * request reads the same data in both languages.
 */
export function jsonataRequest<In, Selected>(call: ServiceCall<Selected, unknown>, inputPath: InputPathOption<In, Selected> | undefined): JsonataRequest<In> {
  const { request } = call;
  if (request === undefined) return {};
  // Without an inputPath the helpers' Selected is their In: the input itself.
  const selected = (input: Path<In>, context: Context) => (inputPath === undefined ? input : inputPath(input, context)) as unknown as Path<Selected>;
  return { arguments: ({ input, context }) => request(selected(input, context), context) };
}
