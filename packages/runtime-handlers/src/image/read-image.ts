import { GetObjectCommand, NoSuchBucket, NoSuchKey, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { s3Client } from '../aws-clients.js';
import { ImageDecodeError, ImageTooLarge, ObjectNotFound } from '../errors.js';
import { IMAGE_LIMITS } from './limits.js';

/**
 * The object's bytes, read whole (sharp needs them in memory) but never more than the limit:
 * the declared length is checked before the download, and the stream is cut if it runs over.
 */
export async function readImage(bucket: string, key: string): Promise<Buffer> {
  const object = await getObject(bucket, key);
  const limit = IMAGE_LIMITS.inputBytes;
  const tooLarge = () => new ImageTooLarge(`${key}: the object is over the limit of ${limit.toLocaleString('en-US')} bytes`);
  const body = object.Body as (AsyncIterable<Uint8Array> & { destroy?: () => void }) | undefined;
  if ((object.ContentLength ?? 0) > limit) {
    body?.destroy?.();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body ?? []) {
    length += chunk.length;
    if (length > limit) {
      body?.destroy?.();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  if (length === 0) throw new ImageDecodeError(`${key}: the object is empty (0 bytes)`);
  return Buffer.concat(chunks, length);
}

async function getObject(bucket: string, key: string): Promise<GetObjectCommandOutput> {
  try {
    return await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof NoSuchKey) throw new ObjectNotFound(`s3://${bucket}/${key} does not exist`, { cause: error });
    if (error instanceof NoSuchBucket) throw new ObjectNotFound(`bucket ${bucket} does not exist`, { cause: error });
    throw error;
  }
}
