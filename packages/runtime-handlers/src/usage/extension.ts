/** A key with no extension: `README`, `.bashrc`, `logs/` (a folder marker), `file.`. */
export const NO_EXTENSION = '(none)';
/** An extension that is not one (`photo.jpg?v=2` → `jpg?v=2`), or one past the tally's limit. */
export const OTHER_EXTENSION = '(other)';

const EXTENSION = /^[a-z0-9_+-]{1,16}$/;

/** The lower-cased extension of an S3 key's last path segment, without the dot: `a/B.JPG` → `jpg`. */
export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return NO_EXTENSION;
  const extension = name.slice(dot + 1).toLowerCase();
  return EXTENSION.test(extension) ? extension : OTHER_EXTENSION;
}
