/**
 * The text of an emitted `.asl.json` / `.substitutions.json`: exactly what prettier (printWidth 80)
 * makes of `JSON.stringify(value, null, 2)` — objects one field per line, short arrays of scalars on
 * one line — so the files read like hand-formatted ones and a project's own prettier leaves them
 * alone. It is written out rather than calling prettier because prettier takes over a second on a
 * 10,000-state machine; a test compares the two on every definition we have.
 */
const PRINT_WIDTH = 80;

export function formatDefinition(value: unknown): string {
  return `${print(value, '', 0, 0)}\n`;
}

/** `column`: width already on the line; `after`: width that follows on the same line (a comma). */
function print(value: unknown, indent: string, column: number, after: number): string {
  if (Array.isArray(value)) return printArray(value, indent, column, after);
  if (value !== null && typeof value === 'object') return printObject(value as Record<string, unknown>, indent);
  return JSON.stringify(value) ?? 'null';
}

function printObject(object: Record<string, unknown>, indent: string): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = keys.map((key, i) => {
    const prefix = `${inner}${JSON.stringify(key)}: `;
    return prefix + print(object[key], inner, width(prefix), i < keys.length - 1 ? 1 : 0);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function printArray(items: readonly unknown[], indent: string, column: number, after: number): string {
  if (items.length === 0) return '[]';
  const inner = `${indent}  `;
  if (!mustBreak(items)) {
    const flat = flatText(items);
    if (flat !== undefined && column + width(flat) + after <= PRINT_WIDTH) return flat;
  }
  if (items.length > 1 && items.every((item) => typeof item === 'number')) return fill(items as number[], inner, indent);
  const lines = items.map((item, i) => inner + print(item, inner, inner.length, i < items.length - 1 ? 1 : 0));
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

/** Prettier breaks an array of two or more objects (or arrays) that each hold more than one entry. */
function mustBreak(items: readonly unknown[]): boolean {
  if (items.length < 2) return false;
  const first = items[0];
  return items.every((item) => {
    if (Array.isArray(item)) return Array.isArray(first) && item.length > 1;
    return item !== null && typeof item === 'object' && !Array.isArray(first) && first !== null && typeof first === 'object' && Object.keys(item).length > 1;
  });
}

/** The one-line form, or undefined when an element cannot be on one line (a non-empty object). */
function flatText(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (mustBreak(value)) return undefined;
    const parts = value.map(flatText);
    return parts.every((part) => part !== undefined) ? `[${parts.join(', ')}]` : undefined;
  }
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : undefined;
  return JSON.stringify(value) ?? 'null';
}

/** Numbers only: as many per line as fit (prettier's "fill"). */
function fill(numbers: readonly number[], inner: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  numbers.forEach((n, i) => {
    const text = JSON.stringify(n) + (i < numbers.length - 1 ? ',' : '');
    if (line && inner.length + line.length + 1 + text.length > PRINT_WIDTH) {
      lines.push(line);
      line = text;
    } else {
      line = line ? `${line} ${text}` : text;
    }
  });
  lines.push(line);
  return `[\n${lines.map((l) => inner + l).join('\n')}\n${indent}]`;
}

// Prettier measures text the way terminals show it: East Asian wide characters count twice.
const ASCII = /^[\x20-\x7e]*$/;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

function width(text: string): number {
  if (ASCII.test(text)) return text.length;
  let total = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    total += WIDE.test(character) ? 2 : 1;
  }
  return total;
}
