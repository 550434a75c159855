/** Where results go unless IMAGE_OUTPUT_PREFIX says otherwise: never over the uploaded images. */
export const DEFAULT_OUTPUT_PREFIX = 'output/';

export function outputPrefix(): string {
  return process.env['IMAGE_OUTPUT_PREFIX'] || DEFAULT_OUTPUT_PREFIX;
}

/**
 * The key of one result, named as the seed names it (`<stem>_icon_200.png`) under the output
 * prefix: `uploads/2024/photo.jpg` → `output/uploads/2024/photo_icon_200.png`.
 */
export function outputKey(prefix: string, key: string, variant: string, extension: string): string {
  return `${outputStemPrefix(prefix, key)}${variant}.${extension}`;
}

/** The prefix every result of `key` starts with (what the upload page lists). */
export function outputStemPrefix(prefix: string, key: string): string {
  const slash = key.lastIndexOf('/');
  const dot = key.lastIndexOf('.');
  const stem = dot > slash + 1 ? key.slice(0, dot) : key;
  return `${prefix}${stem}_`;
}
