import type { Context } from '../../path/context-object.js';
import type { Path } from '../../path/path.js';
import type { Template } from '../../payload/template.js';
import type { InputPathOption } from '../../states/common.js';
import type { ServiceCall } from '../request/service-call.js';

/** A service call's request as a JSONPath state writes it: InputPath, then Parameters. */
export interface JsonPathRequest<In, Selected> {
  /**
   * InputPath, when the helper was given one. Declared even when absent: TypeScript reads the
   * chain's data type from this field of `.task()`'s options, which is how `$` in the helper's
   * callbacks gets its type in a JSONPath chain.
   */
  readonly inputPath?: InputPathOption<In, Selected>;
  readonly parameters?: ($: Path<Selected>, $$: Context) => Template;
}

export function jsonPathRequest<In, Selected>(call: ServiceCall<Selected, unknown>, inputPath: InputPathOption<In, Selected> | undefined): JsonPathRequest<In, Selected> {
  return {
    ...(inputPath !== undefined && { inputPath }),
    ...(call.request !== undefined && { parameters: call.request }),
  };
}
