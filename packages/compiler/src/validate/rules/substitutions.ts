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
  const used = new Set<string>();
  const visit = (value: unknown, location: Location) => {
    if (typeof value === 'string') {
      for (const name of placeholdersIn(value)) {
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
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...location, index]));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        visit(key, [...location, key]);
        visit(item, [...location, key]);
      }
    }
  };
  visit(context.model.definition, []);
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
