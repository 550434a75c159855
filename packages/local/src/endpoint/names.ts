import { ApiError } from './api-error.js';

/**
 * Characters Step Functions forbids in state machine and execution names (its quotas page):
 * whitespace, brackets < > { } [ ], wildcards ? *, special characters " # % \ ^ | ~ ` $ & , ; : /
 * and control characters U+0000–001F, U+007F–009F. (The 1–80 length is a constraint of the API
 * model, reported as a ValidationException before this check.)
 */
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** Throws InvalidName, naming the first offending character. */
export function checkName(name: string, what: 'state machine' | 'execution'): void {
  const match = FORBIDDEN.exec(name);
  if (!match) return;
  const character = match[0];
  const shown = /[\s\u0000-\u001f\u007f-\u009f]/u.test(character) ? `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `"${character}"`;
  throw new ApiError(
    'InvalidName',
    `Invalid Name: '${name}': ${shown} is not allowed in ${what} names. Names must not contain whitespace, brackets < > { } [ ], wildcards ? *, the characters " # % \\ ^ | ~ \` $ & , ; : / or control characters.`,
  );
}
