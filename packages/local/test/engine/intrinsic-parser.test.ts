import { analyzeIntrinsic } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';
import { evaluateIntrinsic } from '../../src/engine/data/intrinsics/evaluate-intrinsic.js';
import { StatesError } from '../../src/engine/errors.js';
import { Variables } from '../../src/engine/variables.js';

/** The engine evaluates the syntax tree of the compiler's intrinsic parser, so both accept the same calls. */

const scope = { data: { x: 1 }, context: () => ({}), variables: Variables.root() };

function outcome(text: string): string {
  try {
    return `ok ${JSON.stringify(evaluateIntrinsic(text, scope))}`;
  } catch (error) {
    return error instanceof StatesError ? error.error : String(error);
  }
}

describe('intrinsic functions: one parser for the validator and the engine', () => {
  it('runs a call the validator accepts with a tab between arguments', async () => {
    const call = "States.Format('x{}',\t$.x)";
    expect(analyzeIntrinsic(call)).toBeUndefined();
    const result = await runWorkflow(
      { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': call }, End: true } } },
      { input: { x: 1 } },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { v: 'x1' } });
  });

  it.each([
    ["States.Format('a\\qb')", "an escape other than \\' \\{ \\} \\\\"],
    ["States.Format ('x')", 'a space before the parenthesis'],
    ["States.Format('{} and {}', 'a')", 'a template with more {} than values'],
    ['States.Array(1 2)', 'two arguments without a comma'],
  ])('fails with States.IntrinsicFailure on %s (%s), which the validator rejects too', (text) => {
    expect(analyzeIntrinsic(text)).toBeDefined();
    expect(outcome(text)).toBe('States.IntrinsicFailure');
  });

  it.each([
    ["States.Format('it\\'s {}', $.x)", 'ok "it\'s 1"'],
    ['States.Array( 1 ,\n$.x )', 'ok [1,1]'],
    ["States.StringSplit('a b', ' ')", 'ok ["a","b"]'],
  ])('accepts %s like the validator', (text, expected) => {
    expect(analyzeIntrinsic(text)).toBeUndefined();
    expect(outcome(text)).toBe(expected);
  });
});
