import { looksLikeIntrinsic, parseIntrinsic, type IntrinsicArgument } from '@typestep/compiler';
import { StatesError, States } from '../../errors.js';
import { evaluatePath, type PathScope } from '../path-scope.js';
import { format, INTRINSIC_FUNCTIONS } from './intrinsic-functions.js';

/**
 * Does this `.$` value call an intrinsic function (`States.X(`) rather than name a path? The same
 * test the validator applies, so both read a value the same way.
 */
export function isIntrinsicCall(text: string): boolean {
  return looksLikeIntrinsic(text);
}

/**
 * Evaluates an intrinsic function call (the value of a `.$` field) against the state's data. The
 * call is parsed by @typestep/compiler's parser, the one the validator checks it with; a call it
 * rejects (the validator normally does so before a run) fails with States.IntrinsicFailure.
 */
export function evaluateIntrinsic(text: string, scope: PathScope): unknown {
  const { call, problem } = parseIntrinsic(text);
  if (!call) throw new StatesError(States.IntrinsicFailure, `Invalid intrinsic function call ${text.trim()}: it ${problem?.message}.`);
  return evaluate(call, scope);
}

function evaluate(argument: IntrinsicArgument, scope: PathScope): unknown {
  switch (argument.kind) {
    case 'literal':
      return argument.value;
    case 'path': {
      const result = evaluatePath(argument.path, scope);
      if (!result.found) {
        throw new StatesError(
          States.IntrinsicFailure,
          `The JSONPath ${argument.path} could not be found in the input ${JSON.stringify(scope.data)}.`,
        );
      }
      return result.value;
    }
    case 'call': {
      const values = argument.args.map((arg) => evaluate(arg, scope));
      if (argument.name === 'States.Format') {
        const template = argument.args[0];
        if (typeof values[0] !== 'string') {
          throw new StatesError(
            States.IntrinsicFailure,
            'Invalid arguments in States.Format: the first argument must be a template string.',
          );
        }
        const raw = template?.kind === 'literal' ? template.raw : undefined;
        return format(argument.name, values[0], raw, values.slice(1));
      }
      const implementation = INTRINSIC_FUNCTIONS[argument.name];
      if (!implementation)
        throw new StatesError(States.IntrinsicFailure, `${argument.name} is not an intrinsic function of Step Functions.`);
      return implementation(argument.name, values);
    }
  }
}
