/**
 * The errors a handler throws on purpose. Each is an Error subclass whose `name` is the error's
 * name: the Lambda Node.js runtime reports `error.name` as the invocation's errorType, and Step
 * Functions matches Retry/Catch `ErrorEquals` against it, so a workflow can write
 * `catch: [{ errors: ['ImageDecodeError'], … }]`.
 */
export abstract class HandlerError extends Error {
  abstract override readonly name: HandlerErrorName;
}

/** The event does not match the handler's contract, or asks for something the handler refuses. */
export class InvalidRequest extends HandlerError {
  override readonly name = 'InvalidRequest';
}

/** The S3 object (or its bucket) does not exist. */
export class ObjectNotFound extends HandlerError {
  override readonly name = 'ObjectNotFound';
}

/** The object is an image of an accepted type but its data cannot be decoded (truncated, corrupt, empty). */
export class ImageDecodeError extends HandlerError {
  override readonly name = 'ImageDecodeError';
}

/** The object's content is not JPEG, PNG or GIF, whatever its name says. */
export class UnsupportedImageType extends HandlerError {
  override readonly name = 'UnsupportedImageType';
}

/** The object, or the pixel count its header declares, is over the handler's limit. */
export class ImageTooLarge extends HandlerError {
  override readonly name = 'ImageTooLarge';
}

/** The account has no bucket to report on, so there is no Parallel machine to create. */
export class NoBuckets extends HandlerError {
  override readonly name = 'NoBuckets';
}

/** A required environment variable is missing: the function is deployed without its configuration. */
export class ConfigurationError extends HandlerError {
  override readonly name = 'ConfigurationError';
}

/** Every error name a handler can throw on purpose, for Retry/Catch lists. */
export const HANDLER_ERRORS = [
  'InvalidRequest',
  'ObjectNotFound',
  'ImageDecodeError',
  'UnsupportedImageType',
  'ImageTooLarge',
  'NoBuckets',
  'ConfigurationError',
] as const;

export type HandlerErrorName = (typeof HANDLER_ERRORS)[number];
