import type { Sharp } from 'sharp';

/** One result, ready to store. */
export interface Rendered {
  readonly bytes: Buffer;
  readonly extension: OutputType;
  readonly contentType: string;
}

export type OutputType = 'jpg' | 'png';

/** Encodes a pipeline as JPEG (flattened onto white: JPEG has no alpha) or PNG. */
export async function encode(pipeline: Sharp, type: OutputType): Promise<Rendered> {
  if (type === 'jpg') {
    const bytes = await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    return { bytes, extension: 'jpg', contentType: 'image/jpeg' };
  }
  return { bytes: await pipeline.png().toBuffer(), extension: 'png', contentType: 'image/png' };
}
