// The two oracles ship no type declarations; these describe the parts the tests use, as their
// READMEs and sources (asl-validator 4.0.0 dist/src/validator.js, @wmfs/statelint lib/index.js) define them.

declare module 'asl-validator' {
  interface AslValidatorOptions {
    /** Validate the syntax of paths and payload templates (default true). */
    readonly checkPaths: boolean;
    /** Require every Task Resource to be an ARN (or a whole `${…}` placeholder) (default true). */
    readonly checkArn: boolean;
  }
  interface AslValidatorError {
    readonly 'Error code': string;
    readonly Message: string;
    readonly schemaError?: { readonly instancePath: string; readonly schemaPath: string };
  }
  interface AslValidatorResult {
    readonly isValid: boolean;
    readonly errors: readonly AslValidatorError[];
    errorsText(separator?: string): string;
  }
  /** Note: it writes a default `QueryLanguage` into every state of the object it is given. */
  function aslValidator(definition: unknown, options?: AslValidatorOptions): AslValidatorResult;
  export default aslValidator;
}

declare module '@wmfs/statelint' {
  interface StateLint {
    /** Every problem found, as `<json-path> <description>` strings; empty when the machine is fine. */
    validate(definition: unknown): string[];
  }
  function stateLint(): StateLint;
  export default stateLint;
}
