import { capitalize, closest } from '../text.js';
import { describeField, type ValidationContext } from '../context.js';
import { isObject, type Location } from '../model.js';
import { placeholdersIn } from '../placeholders.js';

/**
 * STEP601 (a `${Name}` placeholder with no substitution) and STEP602 (a substitution no
 * placeholder uses; a warning: CloudFormation ignores it, but it is usually a slip). Only when
 * `options.substitutions` is given: hand-written files may use placeholders freely.
 */
export function checkSubstitutions(context: ValidationContext): void {
  const substitutions = context.options.substitutions;
  if (!substitutions) return;
  const names = Object.keys(substitutions);
  if (context.compactJson !== undefined && namesMatch(context.compactJson, substitutions)) return;
  const used = new Set<string>();
  const check = (text: string, location: Location) => {
    for (const name of placeholdersIn(text)) {
      used.add(name);
      if (!Object.hasOwn(substitutions, name)) {
        const suggestion = closest(name, names);
        context.report(
          'STEP601',
          location,
          `${capitalize(describeField(context, location))} uses the placeholder "\${${name}}", which has no substitution. ${
            suggestion ? `Did you mean "\${${suggestion}}"? Otherwise add` : 'Add'
          } "${name}" to the substitutions (DefinitionSubstitutions).`,
        );
      }
    }
  };
  // One walk over the whole definition: the current location is a stack, copied only for a string
  // that holds a placeholder (this rule runs on every value of a 10,000-state machine).
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes('${')) check(value, [...path]);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index]);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        path.push(key);
        if (key.includes('${')) check(key, [...path]);
        visit(value[key]);
        path.pop();
      }
    }
  };
  visit(context.model.definition);
  for (const name of names) {
    if (!used.has(name)) {
      context.report(
        'STEP602',
        [],
        `The substitution "${name}" is never used: no "\${${name}}" placeholder appears in the definition. Remove it, or use it where its value belongs.`,
        'warning',
      );
    }
  }
}

/**
 * The common case, checked on the definition's JSON text without walking it: every placeholder has
 * a substitution and every substitution is used. Only a mismatch needs the walk, to say where.
 * (A name JSON escapes, with `"` or `\\`, never matches here and so also takes the walk.)
 */
function namesMatch(json: string, substitutions: { readonly [name: string]: unknown }): boolean {
  const used = new Set(placeholdersIn(json));
  if (used.size !== Object.keys(substitutions).length) return false;
  for (const name of used) if (!Object.hasOwn(substitutions, name)) return false;
  return true;
}
