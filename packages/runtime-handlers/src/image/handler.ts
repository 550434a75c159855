import { Upload } from '@aws-sdk/lib-storage';
import { s3Client } from '../aws-clients.js';
import { defineHandler } from '../define-handler.js';
import { requireEnv } from '../environment.js';
import { InvalidRequest } from '../errors.js';
import type { z } from 'zod';
import { imageContract, type ImageRequest } from './contract.js';
import { convert } from './convert.js';
import type { Rendered } from './encode.js';
import { icon } from './icon.js';
import { outputKey, outputPrefix } from './output-keys.js';
import { readImage } from './read-image.js';
import { allowOnlyAcceptedDecoders, imageError, inspect, type SourceImage } from './safe-sharp.js';
import { thumbnail } from './thumbnail.js';

allowOnlyAcceptedDecoders();

/**
 * Seed 000's image Lambda. Reads `key` from BUCKET_NAME, checks its real format and size from the
 * header, renders the action's result and writes it under the output prefix; returns
 * `{ Key, OutputKeys }`. Throws InvalidRequest, ObjectNotFound, ImageDecodeError,
 * UnsupportedImageType or ImageTooLarge (errors/names Step Functions can Retry/Catch).
 */
export const imageHandler = defineHandler('image', imageContract, async (request) => {
  const bucket = requireEnv('BUCKET_NAME', 'the bucket images are read from and written to');
  const prefix = outputPrefix();
  if (request.key.startsWith(prefix)) {
    throw new InvalidRequest(`image: ${request.key} is under the output prefix "${prefix}"; the handler never reads its own results`);
  }
  const bytes = await readImage(bucket, request.key);
  const source = await inspect(bytes, request.key);
  const [variant, rendered] = await render(request, bytes, source).catch((error: unknown) => {
    throw imageError(error, request.key);
  });
  const key = outputKey(prefix, request.key, variant, rendered.extension);
  // lib-storage: one PutObject for a small result, a multipart upload above 5 MiB (a 12-megapixel PNG is ~20 MB).
  await new Upload({ client: s3Client(), params: { Bucket: bucket, Key: key, Body: rendered.bytes, ContentType: rendered.contentType } }).done();
  return { Key: request.key, OutputKeys: [key] };
});

/** The result and its name in the key (`convert`, `icon_200`, `thumbnail_960_540`, as the seed names them). */
async function render(request: z.output<typeof ImageRequest>, bytes: Buffer, source: SourceImage): Promise<[string, Rendered]> {
  switch (request.action) {
    case 'convert':
      return ['convert', await convert(bytes, request.type)];
    case 'icon': {
      const { diameter, bgcolor } = request.icon;
      return [`icon_${diameter}`, await icon(bytes, diameter, bgcolor)];
    }
    case 'thumbnail': {
      const { width, height, bgcolor } = request.thumbnail;
      return [`thumbnail_${width}_${height}`, await thumbnail(bytes, width, height, bgcolor, source.format)];
    }
  }
}
