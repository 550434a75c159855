import type { ValidationContext } from '../context.js';

/** Step Functions' hard quota on a definition: 1 MB ("Maximum size of state machine definition"). */
export const MAX_DEFINITION_BYTES = 1_048_576;

/** STEP202: the definition's JSON is over 1 MB. */
export function checkDefinitionSize(context: ValidationContext, bytes: number): void {
  if (bytes <= MAX_DEFINITION_BYTES) return;
  context.report(
    'STEP202',
    [],
    `The definition is ${bytes.toLocaleString('en-US')} bytes of JSON, over Step Functions' limit of 1 MB (1,048,576 bytes). Move large constants (Result, Parameters) out of the definition, for example into S3 or a Lambda function, or split the workflow into smaller state machines started from this one.`,
  );
}
