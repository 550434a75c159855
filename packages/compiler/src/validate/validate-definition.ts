import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ValidationContext } from './context.js';
import { buildModel, isObject } from './model.js';
import { checkDefinitionSize } from './rules/definition-size.js';
import { RULES } from './rules/index.js';
import { describeValue } from './text.js';
import type { ValidateOptions } from './validate-options.js';

/**
 * Validates an ASL definition given as JSON — what the compiler emitted, or a hand-written
 * `.asl.json` — and returns every problem found (an empty list when it is valid). Diagnostics
 * come in document order of the states they concern.
 */
export function validateDefinition(definition: unknown, options: ValidateOptions): Diagnostic[] {
  return validate(definition, options, undefined);
}

/**
 * The same, for a definition read from text: the size limit applies to the text's bytes (what
 * would be uploaded) rather than to the compact JSON; the text lets rules skip what it lacks.
 */
export function validate(definition: unknown, options: ValidateOptions, sizeInBytes: number | undefined, text?: string): Diagnostic[] {
  if (!isObject(definition)) {
    const context = new ValidationContext(buildModel({}), options);
    context.report('STEP204', [], `The definition must be a JSON object with "StartAt" and "States", but is ${describeValue(definition)}.`);
    return context.diagnostics();
  }
  const compactJson = sizeInBytes === undefined ? JSON.stringify(definition) : undefined;
  const context = new ValidationContext(buildModel(definition), options, compactJson, compactJson ?? text);
  checkDefinitionSize(context, sizeInBytes ?? Buffer.byteLength(compactJson!, 'utf8'));
  for (const rule of RULES) rule(context);
  return context.diagnostics();
}
