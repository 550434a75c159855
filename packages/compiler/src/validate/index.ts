export { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.js';
export { validateDefinition } from './validate-definition.js';
export { validateDefinitionText } from './validate-text.js';
export type { ValidateOptions } from './validate-options.js';
// The parsers the local engine shares with the validator, so that both read the same syntax.
export {
  analyzeIntrinsic,
  looksLikeIntrinsic,
  parseIntrinsic,
  pathsInIntrinsic,
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicLiteral,
  type IntrinsicPath,
  type IntrinsicProblem,
  type ParsedIntrinsic,
} from './intrinsics.js';
export { analyzePath, referencePathSteps, type PathAnalysis, type PathRoot, type PathStep } from './jsonpath.js';
export {
  STEP_FUNCTIONS_JSONATA_FUNCTIONS,
  UNAVAILABLE_FUNCTIONS as UNAVAILABLE_JSONATA_FUNCTIONS,
  type StepFunctionsJsonataFunction,
} from './jsonata/functions.js';
