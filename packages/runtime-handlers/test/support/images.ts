import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Test images made here, so every fixture's content is known. */

/** A photo-like JPEG: noise compresses badly, as real photos do. */
export function photoJpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A PNG with a transparent half, to see what the background colour does. */
export function halfTransparentPng(width = 300, height = 200): Promise<Buffer> {
  const blue = { create: { width: width / 2, height, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 1 } } } as const;
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: blue, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

export function smallGif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c04020' } }).gif().toBuffer();
}

/** The first 60% of a JPEG: the decoder runs out of data mid-scan. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await photoJpeg();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** An SVG document, to be stored under a `.png` name. */
export const svgDocument = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40" fill="red"/></svg>',
);

/**
 * A decompression bomb: a valid 1-bit greyscale PNG declaring 16000×16000 pixels (256 M), about
 * 31 KiB on disk, that would take ~768 MB once decoded to RGB.
 */
export function decompressionBombPng(side = 16_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + packed pixels
  const pixels = deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
