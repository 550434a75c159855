import { InvalidRequest } from '../errors.js';

/** API Gateway takes request bodies up to 10 MB; base64 makes the file a third larger. */
export const MAX_UPLOAD_BYTES = 7 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a `data:<type>;base64,<data>` URL, refused when malformed or over the limit. */
export function decodeDataUrl(dataUrl: string): Buffer {
  const data = dataUrl.slice(dataUrl.indexOf(',') + 1);
  // Checked before decoding: Buffer.from(…, 'base64') silently skips what is not base64.
  if (data.length % 4 !== 0 || !BASE64.test(data)) throw new InvalidRequest('upload: filedata is not valid base64');
  if ((data.length / 4) * 3 > MAX_UPLOAD_BYTES + 2) {
    throw new InvalidRequest(`upload: the file is over the limit of ${MAX_UPLOAD_BYTES.toLocaleString('en-US')} bytes`);
  }
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0) throw new InvalidRequest('upload: the file is empty');
  return bytes;
}
