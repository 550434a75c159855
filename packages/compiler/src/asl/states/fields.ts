import { z } from 'zod';
import { CatcherSchema } from '../catcher.js';
import { AssignSchema, CommentSchema, JsonValueSchema, NullablePathSchema, PayloadTemplateSchema, QueryLanguageSchema } from '../common.js';
import { RetrierSchema } from '../retrier.js';

/**
 * Field groups shared by several state types, following the tables "State Types and Fields" of
 * the Amazon States Language specification (JSONPath and JSONata). A state type's schema spreads
 * the groups it allows; anything else on the state is an unknown field.
 */

/** Every state: Type (the discriminator, added per type), Comment, QueryLanguage. */
export const commonFields = {
  Comment: CommentSchema.optional(),
  QueryLanguage: QueryLanguageSchema.optional(),
};

/** Every state except Fail: InputPath/OutputPath (JSONPath), Output (JSONata). */
export const inputOutputFields = {
  InputPath: NullablePathSchema.optional(),
  OutputPath: NullablePathSchema.optional(),
  Output: JsonValueSchema.optional(),
};

/** Every state except Succeed and Fail. */
export const assignFields = {
  Assign: AssignSchema.optional(),
};

/** Task, Parallel, Map, Pass, Wait: exactly one of `Next` or `"End": true` (a rule). */
export const transitionFields = {
  Next: z.string().optional(),
  End: z.boolean().optional(),
};

/** Task, Parallel, Map, Pass: where the result goes (JSONPath). */
export const resultPathFields = {
  ResultPath: NullablePathSchema.optional(),
};

/** Task, Parallel, Map, Pass: the effective input (JSONPath Payload Template). */
export const parametersFields = {
  Parameters: PayloadTemplateSchema.optional(),
};

/** Task, Parallel, Map: reshaping the result (JSONPath). */
export const resultSelectorFields = {
  ResultSelector: PayloadTemplateSchema.optional(),
};

/** Task, Parallel: the effective input (JSONata): any JSON, `{% %}` strings evaluated inside. */
export const argumentsFields = {
  Arguments: JsonValueSchema.optional(),
};

/** Task, Parallel, Map: error handling. */
export const errorHandlingFields = {
  Retry: z.array(RetrierSchema).optional(),
  Catch: z.array(CatcherSchema).optional(),
};
