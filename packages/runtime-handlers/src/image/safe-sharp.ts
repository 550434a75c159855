import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { ImageDecodeError, ImageTooLarge, UnsupportedImageType, type HandlerError } from '../errors.js';
import { IMAGE_LIMITS } from './limits.js';

/** The formats the handler accepts, as sharp's metadata names them (detected from content). */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'gif'] as const;
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

/**
 * libvips can decode dozens of formats (SVG, PDF, TIFF, HEIF…), each a parser exposed to hostile
 * input. Block every loader, then allow back only the three buffer loaders the handler needs, so
 * an SVG named `.png` never reaches librsvg. This is process-wide: call it from a handler's module.
 */
export function allowOnlyAcceptedDecoders(): void {
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer', 'VipsForeignLoadNsgifBuffer'] });
}

/** Every decode of untrusted bytes goes through these options. */
export const INPUT_OPTIONS: SharpOptions = {
  // Abort on any decoder warning (a truncated JPEG is one), as sharp advises for untrusted input.
  failOn: 'warning',
  limitInputPixels: IMAGE_LIMITS.inputPixels,
  autoOrient: true,
};

/** A sharp pipeline over untrusted bytes, with the safe options and a processing time limit. */
export function decode(bytes: Buffer): Sharp {
  return sharp(bytes, INPUT_OPTIONS).timeout({ seconds: IMAGE_LIMITS.processingSeconds });
}

export interface SourceImage {
  readonly format: AcceptedFormat;
  readonly width: number;
  readonly height: number;
}

/**
 * Reads the header only: the real format (never the key's extension) and the declared size, so a
 * decompression bomb is refused before a single pixel is decoded.
 */
export async function inspect(bytes: Buffer, key: string): Promise<SourceImage> {
  const metadata = await decode(bytes)
    .metadata()
    .catch((error: unknown) => {
      throw imageError(error, key);
    });
  const format = metadata.format as string | undefined;
  if (!ACCEPTED_FORMATS.includes(format as AcceptedFormat)) {
    throw new UnsupportedImageType(`${key}: the content is ${format ?? 'not an image'}; only JPEG, PNG and GIF are accepted`);
  }
  const { width, height } = metadata;
  if (width * height > IMAGE_LIMITS.inputPixels) {
    throw new ImageTooLarge(`${key}: ${width}×${height} is over the limit of ${IMAGE_LIMITS.inputPixels.toLocaleString('en-US')} pixels`);
  }
  return { format: format as AcceptedFormat, width, height };
}

/** Turns what sharp threw into the handler error Step Functions can match. */
export function imageError(error: unknown, key: string): HandlerError {
  const message = error instanceof Error ? error.message : String(error);
  if (/exceeds pixel limit/i.test(message)) return new ImageTooLarge(`${key}: ${message}`, { cause: error });
  if (/unsupported image format/i.test(message)) {
    return new UnsupportedImageType(`${key}: the content is not JPEG, PNG or GIF`, { cause: error });
  }
  return new ImageDecodeError(`${key}: the image cannot be decoded: ${message.split('\n')[0]}`, { cause: error });
}
