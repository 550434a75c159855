import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Puts objects of the given sizes (zero-filled bodies), a few requests at a time. */
export async function putObjects(s3: S3Client, bucket: string, objects: readonly { key: string; size: number }[], concurrency = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < objects.length) {
      const { key, size } = objects[next++]!;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(size) }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A bucket's worth of keys with mixed extensions, sizes and depths: key i is deterministic. */
export function sampleObjects(count: number, prefix = ''): { key: string; size: number }[] {
  const names = ['photo.JPG', 'image.png', 'notes.txt', 'README', 'archive.tar.gz', '.env', 'folder/', 'clip.mp4', 'data.csv', 'odd.name.with dots'];
  return Array.from({ length: count }, (_, i) => ({ key: `${prefix}dir${i % 7}/${i}/${names[i % names.length]}`, size: (i * 37) % 500 }));
}
