import sharp from 'sharp';
import type { Rgba } from './bgcolor.js';
import { circleMask } from './circle-mask.js';
import { encode, type Rendered } from './encode.js';
import { decode } from './safe-sharp.js';

/**
 * `{action: "icon", icon: {diameter, bgcolor}}`: the image cropped to a centred square, cut to a
 * circle and laid on a square of the background colour (transparent where its alpha is), as PNG.
 */
export async function icon(bytes: Buffer, diameter: number, background: Rgba): Promise<Rendered> {
  const raw = { width: diameter, height: diameter, channels: 4 } as const;
  const disc = await decode(bytes)
    .resize(diameter, diameter, { fit: 'cover' })
    .ensureAlpha()
    .composite([{ input: circleMask(diameter), raw, blend: 'dest-in' }])
    .raw()
    .toBuffer();
  const square = sharp({ create: { ...raw, background } }).composite([{ input: disc, raw }]);
  return encode(square, 'png');
}
