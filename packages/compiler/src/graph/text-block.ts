import { wrapText, type MeasureText, type TextStyle } from './text-metrics.js';

/** What a line of text is: it sets the line's size here and its colour in the SVG's CSS. */
export type TextRole = 'name' | 'subtitle' | 'marker' | 'branch' | 'edge-label';

export const TEXT_STYLES: Readonly<Record<TextRole, TextStyle>> = {
  name: { size: 13 },
  subtitle: { size: 11 },
  marker: { size: 12, bold: true },
  branch: { size: 11 },
  'edge-label': { size: 11 },
};

/** Widest line before text wraps, in pixels. */
export const MAX_LINE_WIDTH = 220;
const LINE_HEIGHT = 1.35;

export interface TextLine {
  readonly text: string;
  readonly role: TextRole;
}

/** Lines of text with padding around them: what sizes a node or an edge label. */
export interface TextBlock {
  readonly lines: readonly TextLine[];
  readonly padding: { readonly x: number; readonly y: number };
  readonly width: number;
  readonly height: number;
}

/** One line of text, centred on `x`, with its baseline at `y`. */
export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly role: TextRole;
}

/** `text` wrapped to lines of one role. */
export function wrappedLines(text: string, role: TextRole, measure: MeasureText, maxWidth = MAX_LINE_WIDTH, maxLines = Infinity): TextLine[] {
  return wrapText(text, TEXT_STYLES[role], maxWidth, measure, maxLines).map((line) => ({ text: line, role }));
}

export function textBlock(lines: readonly TextLine[], padding: TextBlock['padding'], measure: MeasureText): TextBlock {
  const width = Math.max(0, ...lines.map((line) => measure(line.text, TEXT_STYLES[line.role])));
  return { lines, padding, width: Math.ceil(width + 2 * padding.x), height: Math.ceil(textHeight(lines) + 2 * padding.y) };
}

/** The block's lines centred in `box`, or (for a container's header) at its top. */
export function placeText(block: TextBlock, box: { x: number; y: number; width: number; height: number }, atTop: boolean): PlacedText[] {
  let top = atTop ? box.y + block.padding.y : box.y + (box.height - textHeight(block.lines)) / 2;
  return block.lines.map((line) => {
    const { size } = TEXT_STYLES[line.role];
    const height = size * LINE_HEIGHT;
    // The baseline: the glyphs (about 0.78 em above it) centred in the line box.
    const baseline = top + (height - size) / 2 + size * 0.78;
    top += height;
    return { text: line.text, x: box.x + box.width / 2, y: baseline, role: line.role };
  });
}

function textHeight(lines: readonly TextLine[]): number {
  return lines.reduce((sum, line) => sum + TEXT_STYLES[line.role].size * LINE_HEIGHT, 0);
}
