/** The longest edge label drawn; longer ones (big JSONata conditions) end in `…`. */
export const MAX_LABEL_LENGTH = 120;

/** A label on one logical line: whitespace runs (a multi-line JSONata condition) become one space, and long text is cut. */
export function labelText(text: string, max = MAX_LABEL_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = [...flat];
  return characters.length <= max ? flat : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}
