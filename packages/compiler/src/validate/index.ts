export { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.js';
export { validateDefinition } from './validate-definition.js';
export { validateDefinitionText } from './validate-text.js';
export type { ValidateOptions } from './validate-options.js';
