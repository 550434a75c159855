/**
 * How Step Functions reads a string of a JSONata state: a JSONata expression when the whole
 * string is `{% … %}` (the `{%` first, the `%}` last, nothing around them), otherwise a literal.
 * A string that tries to be an expression but is not exactly one — spaces around it, text
 * before or after it, a `{%` never closed — is a validation error at AWS, not a literal.
 */
export type JsonataString =
  | { readonly kind: 'literal' }
  | { readonly kind: 'expression'; readonly body: string }
  | { readonly kind: 'malformed'; readonly problem: string };

const LITERAL: JsonataString = { kind: 'literal' };

export function readJsonataString(text: string): JsonataString {
  const opens = text.indexOf('{%');
  if (opens < 0) return LITERAL;
  if (opens === 0 && text.length >= 4 && text.endsWith('%}')) return { kind: 'expression', body: text.slice(2, -2) };
  const trimmed = text.trim();
  if (trimmed.startsWith('{%') && trimmed.endsWith('%}') && trimmed.length >= 4) {
    return { kind: 'malformed', problem: 'has spaces before or after its {% … %}, so it is not an expression' };
  }
  const closes = text.indexOf('%}', opens + 2);
  if (closes >= 0) {
    return {
      kind: 'malformed',
      problem:
        'has text outside its {% … %}; Step Functions evaluates a string only when the whole string is one expression. Build the text inside the expression instead, e.g. "{% \'Hello \' & $name %}"',
    };
  }
  if (trimmed.startsWith('{%')) return { kind: 'malformed', problem: 'starts with {% but does not end with %}' };
  return LITERAL;
}
