import { describe, expect, it } from 'vitest';
import { loadTextMeasure, wrapText } from '../../src/graph/text-metrics.js';

const measure = await loadTextMeasure();
const style = { size: 11 };

describe('text metrics', () => {
  it('measures wider text as wider, bold wider than regular, a CJK character one em', () => {
    expect(measure('WWW', style)).toBeGreaterThan(measure('iii', style));
    expect(measure('Start', { size: 12, bold: true })).toBeGreaterThan(measure('Start', { size: 12 }));
    expect(measure('あいう', { size: 13 })).toBe(39);
    expect(measure('', style)).toBe(0);
  });

  it('wraps at spaces, keeping every word', () => {
    const text = 'Create a thumbnail of every uploaded image in three sizes';
    const lines = wrapText(text, style, 120, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(measure(line, style)).toBeLessThanOrEqual(120);
  });

  it('cuts a word wider than a line after a dot where it can, else anywhere', () => {
    expect(wrapText('DynamoDB.ConditionalCheckFailedException', style, 200, measure)).toEqual(['DynamoDB.', 'ConditionalCheckFailedException']);
    const lines = wrapText('x'.repeat(60), style, 100, measure);
    expect(lines.join('')).toBe('x'.repeat(60));
    for (const line of lines) expect(measure(line, style)).toBeLessThanOrEqual(100);
    expect(wrapText('あいうえおあいうえお', { size: 13 }, 70, measure)).toEqual(['あいうえお', 'あいうえお']);
  });

  it('keeps at most maxLines, the last ending in an ellipsis that still fits', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', style, 60, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(measure(line, style)).toBeLessThanOrEqual(60);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText('', style, 100, measure)).toEqual(['']);
  });
});
