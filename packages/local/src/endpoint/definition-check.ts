/**
 * Definitions are checked with the compiler's rules (the ones `typestep validate` applies), and the
 * findings reported in Step Functions' terms: as ValidateStateMachineDefinition's diagnostics, or as
 * the InvalidDefinition error of CreateStateMachine / UpdateStateMachine.
 */
import type { ValidateStateMachineDefinitionDiagnostic } from '@aws-sdk/client-sfn';
import { validateDefinitionText, type Diagnostic } from '@typestep/compiler';
import { ApiError } from './api-error.js';

/** The codes AWS's validator uses for the same findings; everything else is a schema problem. */
const AWS_CODES: Readonly<Record<string, string>> = {
  STEP200: 'INVALID_JSON_DESCRIPTION',
  STEP101: 'DUPLICATE_STATE_NAME',
  STEP102: 'INVALID_STATE_NAME',
  STEP103: 'INVALID_STATE_NAME',
  STEP104: 'MISSING_TRANSITION_TARGET',
  STEP107: 'MISSING_END_STATE',
};

/**
 * The definition's diagnostics, shaped as AWS returns them: `code` is AWS's, `location` a JSON
 * pointer (`/States/Wait/Seconds`), and the message starts with the compiler's own code and gives
 * the line and column.
 */
export function diagnoseDefinition(definition: string, name = 'definition'): ValidateStateMachineDefinitionDiagnostic[] {
  return validateDefinitionText(definition, { workflow: name }).map(toAwsDiagnostic);
}

/** Throws InvalidDefinition listing every error, as CreateStateMachine does. */
export function assertValidDefinition(definition: string, name: string): void {
  const errors = diagnoseDefinition(definition, name).filter((diagnostic) => diagnostic.severity === 'ERROR');
  if (errors.length === 0) return;
  throw new ApiError('InvalidDefinition', `Invalid State Machine Definition: ${errors.map((e) => `'${e.code}: ${e.message} at ${e.location}'`).join(', ')}`);
}

function toAwsDiagnostic(diagnostic: Diagnostic): ValidateStateMachineDefinitionDiagnostic {
  const where = diagnostic.source ? ` (line ${diagnostic.source.line}, column ${diagnostic.source.column})` : '';
  return {
    severity: diagnostic.severity === 'error' ? 'ERROR' : 'WARNING',
    code: AWS_CODES[diagnostic.code] ?? 'SCHEMA_VALIDATION_FAILED',
    message: `${diagnostic.code}: ${diagnostic.message}${where}`,
    location: jsonPointer(diagnostic.location),
  };
}

/** RFC 6901: `/` for the root, `~` and `/` in names escaped. */
function jsonPointer(location: readonly (string | number)[]): string {
  return location.length === 0 ? '/' : location.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
