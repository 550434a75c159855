/**
 * DefinitionSubstitutions placeholders: `${Name}` anywhere in a string (keys too), replaced by
 * CloudFormation/SAM (or `typestep push`) before Step Functions sees the definition.
 */
export const PLACEHOLDER = /\$\{([^{}\s]+)\}/g;

/** The placeholder names in a string, in order (with repeats). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** True when the whole string is one placeholder: its real value is unknown until deployment. */
export function isWholePlaceholder(text: string): boolean {
  return /^\$\{[^{}\s]+\}$/.test(text.trim());
}

/**
 * The string with each placeholder replaced by a neutral name (`x`), so that syntax checks see
 * `$.${Attribute}` as the valid path `$.x` rather than as a path with braces in it.
 */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, 'x');
}
