import { describeField, type ValidationContext } from '../context.js';
import { capitalize, truncate } from '../text.js';
import { allAssignments, assignmentsOf } from '../variables/assignments.js';

/** AWS: a variable name is a Unicode identifier (ID_Start, then ID_Continue characters) of at most 80 characters. */
const VARIABLE_NAME = /^\p{ID_Start}\p{ID_Continue}*$/u;
const MAX_LENGTH = 80;

/**
 * STEP701 (a variable name that is not an identifier, or too long) and STEP702 (`states`, the
 * name Step Functions reserves for `$states`), for every key of every `Assign` — a state's, a
 * Choice rule's, a Catcher's — in either query language.
 */
export function checkVariableNames(context: ValidationContext): void {
  if (context.jsonText !== undefined && !context.jsonText.includes('"Assign"')) return;
  for (const state of context.model.states) {
    for (const { name, location } of allAssignments(assignmentsOf(state))) {
      const field = capitalize(describeField(context, location));
      if (name === 'states') {
        context.report(
          'STEP702',
          location,
          `${field} assigns the variable "states", but Step Functions reserves that name for $states (the state's input, result and context in JSONata). Choose another name.`,
        );
      } else if ([...name].length > MAX_LENGTH) {
        context.report(
          'STEP701',
          location,
          `${field} names a variable of ${[...name].length} characters, but variable names may have at most ${MAX_LENGTH}. Use a shorter name.`,
        );
      } else if (!VARIABLE_NAME.test(name)) {
        context.report(
          'STEP701',
          location,
          `${field} is not a valid variable name: ${JSON.stringify(truncate(name, 60))} ${problem(name, state.queryLanguage)}.`,
        );
      }
    }
  }
}

function problem(name: string, language: 'JSONPath' | 'JSONata'): string {
  if (name === '') return 'is empty; give the variable a name';
  if (language === 'JSONata' && name.endsWith('.$')) {
    return 'ends with ".$", which JSONata states do not use: name the variable without it and give a {% … %} expression as its value';
  }
  if (name.startsWith('$')) return `starts with "$"; assign it without the "$" ("${name.slice(1)}") and read it as ${name}`;
  const first = [...name][0]!;
  if (!/\p{ID_Start}/u.test(first)) return `starts with "${first}"; a variable name starts with a letter`;
  const bad = [...name].find((character) => !/\p{ID_Continue}/u.test(character))!;
  return `contains "${bad}"; a variable name has only letters, digits and underscores`;
}
