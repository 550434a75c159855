/** What the image handler accepts: enough for a 12-megapixel photo, far from what would exhaust a Lambda. */
export const IMAGE_LIMITS = {
  /** Bytes read from S3; a larger object is ImageTooLarge before it is downloaded. */
  inputBytes: 50 * 1024 * 1024,
  /**
   * Pixels (width × height) an input may declare. sharp's own default (16383², 268 M) lets a
   * 16000×16000 decompression bomb through, so the handler sets its own.
   */
  inputPixels: 50_000_000,
  /** Largest icon diameter and thumbnail side. */
  outputSide: 4096,
  /** libvips stops a single image operation after this long. */
  processingSeconds: 60,
} as const;
