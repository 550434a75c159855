import type { Rgba } from './bgcolor.js';
import { encode, type Rendered } from './encode.js';
import { decode, type AcceptedFormat } from './safe-sharp.js';

/**
 * `{action: "thumbnail", thumbnail: {width, height, bgcolor}}`: the whole image fitted inside
 * width × height, the rest filled with the background colour. A JPEG source gives a JPEG
 * thumbnail; PNG and GIF give PNG, which keeps transparency.
 */
export function thumbnail(bytes: Buffer, width: number, height: number, background: Rgba, source: AcceptedFormat): Promise<Rendered> {
  const fitted = decode(bytes).resize(width, height, { fit: 'contain', background });
  return encode(fitted, source === 'jpeg' ? 'jpg' : 'png');
}
