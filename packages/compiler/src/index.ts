export { compile, compileNode, type WorkflowLike } from './compile.js';
export type { AslDefinition, CompileResult, SubstitutionsMap } from './compile-result.js';
export { formatDiagnostic, statePathOf, type Diagnostic } from './diagnostics/diagnostic.js';
export * from './validate/index.js';
export type { ValidateOptions } from './validate/validate-options.js';
export { formatDefinition } from './emit/format-definition.js';
export * from './graph/index.js';
// The ASL model's types (inferred from its zod schemas), for tools that read definitions (the local engine).
export type * as asl from './asl/index.js';
