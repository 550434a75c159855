/// <reference path="./string-pixel-width.d.ts" />
import type pixelWidth from 'string-pixel-width';

/**
 * Text sizes for a layout made without a browser. Widths come from Verdana's metrics
 * (string-pixel-width's tables), and the drawing asks for Verdana first, then DejaVu Sans (Linux's
 * common sans, drawn from the same Bitstream Vera design and no wider), so the text fits its box.
 * East Asian wide characters, which the tables lack, are one em wide.
 */
export const FONT_FAMILY = "Verdana, 'DejaVu Sans', 'Bitstream Vera Sans', sans-serif";

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
}

export type MeasureText = (text: string, style: TextStyle) => number;

/** Loads the metrics tables (only when something is laid out). */
export async function loadTextMeasure(): Promise<MeasureText> {
  const { default: width } = (await import('string-pixel-width')) as { default: typeof pixelWidth };
  return (text, style) => {
    let total = 0;
    for (const character of text) {
      total += WIDE.test(character) ? style.size : width(character, { font: 'verdana', size: style.size, bold: style.bold ?? false });
    }
    return total;
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/**
 * Breaks text into lines no wider than `maxWidth`: at spaces where it can, inside a word (or a
 * run of CJK text) where it must. With `maxLines`, the last line kept ends in `…`.
 */
export function wrapText(text: string, style: TextStyle, maxWidth: number, measure: MeasureText, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => measure(candidate, style) <= maxWidth;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    // A word wider than a line is cut after a dot where it can (`DynamoDB.` / `ConditionalCheckFailedException`), else anywhere.
    for (const piece of fits(word) ? [word] : word.split(/(?<=\.)/)) {
      for (const part of fits(piece) ? [piece] : [...piece]) {
        if (line !== '' && !fits(line + part)) {
          lines.push(line);
          line = '';
        }
        line += part;
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]!}…`;
  while ([...last].length > 1 && !fits(last)) last = `${[...last].slice(0, -2).join('')}…`;
  kept[maxLines - 1] = last;
  return kept;
}
