import { STEP_FUNCTIONS_JSONATA_FUNCTIONS, UNAVAILABLE_JSONATA_FUNCTIONS } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { evaluateJsonata } from '../../src/engine/data/jsonata.js';
import { StatesError } from '../../src/engine/errors.js';
import { Variables } from '../../src/engine/variables.js';

/** The engine's extra JSONata functions are the compiler's list, the one the validator knows. */

const scope = { input: {}, context: {}, variables: Variables.root() };

describe("Step Functions' JSONata functions", () => {
  it.each([...STEP_FUNCTIONS_JSONATA_FUNCTIONS])('$%s is a function in the engine', async (name) => {
    expect(await evaluateJsonata(`{% $type($${name}) %}`, scope, 'Output')).toBe('function');
  });

  it('$partition, $range, $hash, $random with a seed, $uuid and $parse work as Step Functions documents', async () => {
    const value = await evaluateJsonata(
      "{% { 'partition': $partition([1,2,3], 2), 'range': $range(0, 4, 2), 'hash': $hash('a', 'SHA-256'), 'seeded': $random(7) = $random(7), 'parse': $parse('{\"a\":1}'), 'uuid': $length($uuid()) } %}",
      scope,
      'Output',
    );
    expect(value).toEqual({
      partition: [[1, 2], [3]],
      range: [0, 2, 4],
      hash: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
      seeded: true,
      parse: { a: 1 },
      uuid: 36,
    });
  });

  it.each(Object.keys(UNAVAILABLE_JSONATA_FUNCTIONS))('$%s fails, as Step Functions does not provide it', async (name) => {
    const evaluated = evaluateJsonata(`{% $${name}('1') %}`, scope, 'Output');
    await expect(evaluated).rejects.toBeInstanceOf(StatesError);
    await expect(evaluated).rejects.toMatchObject({ error: 'States.QueryEvaluationError' });
  });
});
