import { StatesError, States } from '../errors.js';

/** Step Functions' payload quota: 256 KiB of UTF-8 JSON per input, output, result or variable set. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** The JSON text of `value`, checked against the quota; `what` names it in the cause. */
export function checkedJson(value: unknown, what: string): string {
  const json = JSON.stringify(value ?? null);
  // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: measure only when it could be over.
  if (json.length * 3 > MAX_PAYLOAD_BYTES) {
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_PAYLOAD_BYTES) {
      throw new StatesError(
        States.DataLimitExceeded,
        `${what} has a size of ${bytes} bytes, which exceeds the maximum of ${MAX_PAYLOAD_BYTES} bytes.`,
      );
    }
  }
  return json;
}
