import { encode, type OutputType, type Rendered } from './encode.js';
import { decode } from './safe-sharp.js';

/** `{action: "convert", type}`: the whole image, re-encoded. */
export function convert(bytes: Buffer, type: OutputType): Promise<Rendered> {
  return encode(decode(bytes), type);
}
