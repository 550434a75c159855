export { compile, compileNode, type WorkflowLike } from './compile.js';
export type { AslDefinition, CompileResult, SubstitutionsMap } from './compile-result.js';
export { formatDiagnostic, statePathOf, type Diagnostic } from './diagnostics/diagnostic.js';
export * from './validate/index.js';
export type { ValidateOptions } from './validate/validate-options.js';
export { formatDefinition } from './emit/format-definition.js';
export * from './graph/index.js';
