import { statePathOf } from '../../diagnostics/diagnostic.js';
import type { ValidationContext } from '../context.js';
import { truncate } from '../text.js';

/**
 * STEP101–STEP103: state names.
 *
 * What AWS requires of a *state* name (checked against the sources, 2025):
 * - The Amazon States Language specification: "The state name MUST be unique within the scope
 *   of the entire state machine, and its length MUST BE less than or equal to 80 Unicode
 *   characters." Nothing else.
 * - The Step Functions API reference gives state names (in execution history events) a length of
 *   1–80. Its list of forbidden characters (whitespace, `< > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /`)
 *   is the one for state machine, execution and activity *names* (CreateStateMachine `name`, the
 *   "Step Functions service quotas" page); it does not apply to state names: AWS's own samples
 *   use "Buy or Sell?", and the seeds use Japanese names such as "あいうえお".
 * - Control characters (U+0000–001F, U+007F–009F) are excluded by that API reference for every
 *   name it shows, and cannot be shown in the console or history; lone surrogates are not text.
 * So: unique across the whole machine, 1–80 characters (code points), no control characters or
 * lone surrogates. Spaces, punctuation and any script are fine.
 */
export function checkStateNames(context: ValidationContext): void {
  for (const [name, entries] of context.model.byName) {
    if (entries.length > 1) {
      const first = entries[0]!;
      for (const duplicate of entries.slice(1)) {
        context.report(
          'STEP101',
          duplicate.location,
          `The state name "${name}" is used more than once (first at ${statePathOf(context.options.workflow, first.location)}). State names must be unique in the whole state machine, Parallel branches and Map processors included; rename one of them.`,
        );
      }
    }
  }
  for (const state of context.model.states) {
    const name = state.name;
    const length = [...name].length;
    if (length > 80) {
      context.report(
        'STEP102',
        state.location,
        `The state name "${truncate(name, 40)}" is ${length} characters long; Step Functions allows at most 80. Shorten it.`,
      );
    }
    if (length === 0) {
      context.report('STEP103', state.location, 'A state has an empty name. Give it a name of 1 to 80 characters.');
      continue;
    }
    const bad = forbiddenCharacter(name);
    if (bad !== undefined) {
      context.report(
        'STEP103',
        state.location,
        `The state name ${JSON.stringify(name)} contains the control character U+${bad.toString(16).toUpperCase().padStart(4, '0')}, which state names cannot hold. Remove it (spaces and any script are fine).`,
      );
    }
  }
}

/** The first control character or lone surrogate in a name, as a code point. */
function forbiddenCharacter(name: string): number | undefined {
  for (const character of name) {
    const code = character.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)) return code;
  }
  return undefined;
}
