import { z } from 'zod';

/** A colour as sharp takes it: channels 0–255, alpha 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

const HEX = /^#?(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * A background colour in hex: RGB or RGBA shorthand (`f0f`, `f0ff`) or full (`ff00ff`,
 * `ff00ffff`), with or without `#`, as the seed writes it.
 */
export const BgColor = z
  .string()
  .regex(HEX, 'expected a hex colour: RGB or RGBA shorthand (f0f, f0ff) or full (ff00ff, ff00ffff)')
  .transform(parseHexColour);

export function parseHexColour(text: string): Rgba {
  const digits = text.replace(/^#/, '');
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  const channel = (i: number) => Number.parseInt(full.slice(i * 2, i * 2 + 2), 16);
  return { r: channel(0), g: channel(1), b: channel(2), alpha: full.length === 8 ? channel(3) / 255 : 1 };
}
