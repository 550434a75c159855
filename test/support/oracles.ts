import aslValidator from 'asl-validator';
import stateLint from '@wmfs/statelint';

/**
 * asl-validator v4 with every check on (paths, payload templates, JSONata, ARNs). It is given a
 * copy: it writes a default QueryLanguage into the states of the object it validates.
 * Returns its error texts, empty when the definition is accepted.
 */
export function aslValidatorErrors(definition: unknown): string[] {
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
  const errors = result.errors.map((error) => `${error['Error code']}: ${error.Message}`);
  // Both views must agree, or the wrapper is reading the result wrongly.
  if (result.isValid !== (errors.length === 0)) throw new Error(`asl-validator: isValid=${result.isValid} with ${errors.length} errors`);
  return errors;
}

const linter = stateLint();

/** @wmfs/statelint's problems (it only knows JSONPath machines), empty when the definition is accepted. */
export function statelintProblems(definition: unknown): string[] {
  return linter.validate(structuredClone(definition));
}

/** True when some state (or the machine) uses JSONata, which statelint does not understand. */
export function usesJsonata(definition: unknown): boolean {
  let found = false;
  JSON.stringify(definition, (key, value: unknown) => {
    if (key === 'QueryLanguage' && value === 'JSONata') found = true;
    return value;
  });
  return found;
}
