import { z } from 'zod';
import { contract } from '../contract.js';
import { BgColor } from './bgcolor.js';
import { IMAGE_LIMITS } from './limits.js';

/** An S3 key (S3 allows up to 1024 bytes). */
const Key = z.string().min(1).max(1024);

/** A size in pixels; the seed sends numbers as strings ("200"), so both are accepted. */
const Pixels = z
  .union([z.number(), z.string()], { error: 'expected a number of pixels (a number, or a string of digits as the seed sends)' })
  .transform((value, context) => {
    const pixels = typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(pixels) && pixels >= 1 && pixels <= IMAGE_LIMITS.outputSide) return pixels;
    context.addIssue({
      code: 'custom',
      message: `expected a whole number of pixels from 1 to ${IMAGE_LIMITS.outputSide}, got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  });

const Convert = z.object({ action: z.literal('convert'), key: Key, type: z.enum(['jpg', 'png']) });
const Icon = z.object({ action: z.literal('icon'), key: Key, icon: z.object({ diameter: Pixels, bgcolor: BgColor }) });
const Thumbnail = z.object({
  action: z.literal('thumbnail'),
  key: Key,
  thumbnail: z.object({ width: Pixels, height: Pixels, bgcolor: BgColor }),
});

/** Seed 000's image Lambda: one function, three actions. */
export const ImageRequest = z.discriminatedUnion('action', [Convert, Icon, Thumbnail]);

/** The key it read (so the next state reads `$.Key` again) and the keys it wrote. */
export const ImageResult = z.object({ Key: z.string(), OutputKeys: z.array(z.string()) });

export const imageContract = contract(ImageRequest, ImageResult);
