import { randomBytes } from 'node:crypto';

/**
 * Where an upload goes and the name of its execution, from the time as seed 000 does
 * (`2024-01-02-03-04/20240102030405123.jpg`), with random hex added so two uploads in the same
 * millisecond differ: `{ key: '2024-01-02-03-04/20240102030405123-9f3a.jpg', name: '20240102030405123-9f3a' }`.
 */
export function uploadKey(now: Date, filename: string): { key: string; name: string } {
  const iso = now.toISOString(); // 2024-01-02T03:04:05.123Z
  const minute = `${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}`;
  const name = `${iso.replace(/\D/g, '')}-${randomBytes(2).toString('hex')}`;
  const extension = filename.slice(filename.lastIndexOf('.')).toLowerCase();
  return { key: `${minute}/${name}${extension}`, name };
}

const CONTENT_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif' };

/** The Content-Type stored with the upload, from its name (the image handler reads the real format). */
export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.')).toLowerCase()] ?? 'application/octet-stream';
}
