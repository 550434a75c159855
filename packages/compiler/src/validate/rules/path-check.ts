import { capitalize, truncate } from '../text.js';
import { describeField, type ValidationContext } from '../context.js';
import { analyzeIntrinsic, looksLikeIntrinsic } from '../intrinsics.js';
import { analyzePath } from '../jsonpath.js';
import type { Location } from '../model.js';
import { isWholePlaceholder, withoutPlaceholders } from '../placeholders.js';

/** What a path field must hold. */
export type PathKind =
  /** Any JSONPath (InputPath, OutputPath, Variable, `…Path` comparisons, `.$` values). */
  | 'path'
  /** A reference path: one node (ItemsPath, SecondsPath, TimeoutSecondsPath…). */
  | 'reference'
  /** ResultPath: a reference path into the input, so neither `$$` nor a variable. */
  | 'result'
  /** ErrorPath / CausePath: a reference path or an intrinsic function. */
  | 'reference-or-intrinsic';

/**
 * Checks one path value (STEP501 syntax, STEP502 reference path, STEP504 intrinsic). Values
 * that are entirely a `${Placeholder}` are left alone; other placeholders are read as a name.
 */
export function checkPathValue(context: ValidationContext, location: Location, value: string, kind: PathKind): void {
  const hasPlaceholder = value.includes('${');
  if (hasPlaceholder && isWholePlaceholder(value)) return;
  const text = hasPlaceholder ? withoutPlaceholders(value) : value;
  if (kind === 'reference-or-intrinsic' && looksLikeIntrinsic(text)) {
    const problem = analyzeIntrinsic(text);
    if (problem)
      context.report(
        problem.kind === 'path' ? 'STEP501' : 'STEP504',
        location,
        `${where(context, location)} is ${shown(value)}, which ${problem.message}.`,
      );
    return;
  }
  const analysis = analyzePath(text);
  if (analysis.error) {
    context.report('STEP501', location, `${where(context, location)} is not a valid JSONPath: ${shown(value)} ${analysis.error}.`);
    return;
  }
  if (kind === 'path') return;
  if (kind === 'result' && analysis.root === 'context') {
    context.report(
      'STEP502',
      location,
      `${where(context, location)} is ${shown(value)}, but a result cannot be written into the Context Object ($$). Use a path starting with "$." (or "$" for the whole input).`,
    );
    return;
  }
  if (kind === 'result' && analysis.root === 'variable') {
    context.report(
      'STEP502',
      location,
      `${where(context, location)} is ${shown(value)}, but ResultPath cannot name a variable; assign variables with "Assign" instead, and use a path starting with "$." here.`,
    );
    return;
  }
  if (analysis.indefinite) {
    context.report(
      'STEP502',
      location,
      `${where(context, location)} must be a reference path, which selects exactly one node, but ${shown(value)} uses ${analysis.indefinite}. Use only .field, ['field'] and [index] steps.`,
    );
  }
}

/** `"ResultPath" of Task state "X"`, capitalised: the start of a message about a field. */
export function where(context: ValidationContext, location: Location): string {
  return capitalize(describeField(context, location));
}

function shown(value: string): string {
  return JSON.stringify(truncate(value, 80));
}
