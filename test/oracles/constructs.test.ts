import { compile } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../golden/constructs/index.js';
import { aslValidatorErrors } from '../support/oracles.js';
import { placeholdersIn, substitute } from '../support/substitute.js';
import { exampleWorkflows } from './example-workflows.js';

/**
 * asl-validator 4 (JSON schemas with JSONata, paths, payload templates, ARNs) on the construct
 * goldens (test/golden/constructs) and on every workflow the examples export, after their
 * placeholders are filled in as CloudFormation would. (statelint is not asked: it predates
 * variables and the Distributed Map and rejects Assign, ItemReader, ItemBatcher, ResultWriter,
 * Label, ToleratedFailure… and MaxConcurrencyPath as unknown fields.)
 */

const machines = [
  ...goldenCases.map(({ construct, workflow }) => ({ source: `golden: ${construct}`, ...compile(workflow) })),
  ...(await exampleWorkflows()).map(({ source, compiled }) => ({ source: `example: ${source}`, ...compiled })),
];

describe.each(machines)('$source', ({ definition, substitutions }) => {
  const deployed = substitute(definition, substitutions);

  it('lists every placeholder it uses in its substitutions map', () => {
    expect(placeholdersIn(definition)).toEqual(Object.keys(substitutions).sort());
    expect(placeholdersIn(deployed)).toEqual([]);
  });

  it('is accepted by asl-validator 4', () => {
    expect(aslValidatorErrors(deployed)).toEqual([]);
  });
});

describe('asl-validator checks the new constructs (it can fail on them)', () => {
  const rows = machines.find(({ name }) => name === 'DistributedJsonata')!;
  const breaking = (change: (map: any) => void) => {
    const definition = substitute(rows.definition, rows.substitutions) as any;
    change(definition.States.Rows);
    return aslValidatorErrors(definition);
  };

  it.each([
    ['a ToleratedFailurePercentage above 100', (map: any) => (map.ToleratedFailurePercentage = 101), '/States/Rows/ToleratedFailurePercentage is invalid. must match exactly one schema in oneOf'],
    ['a Label that is not text', (map: any) => (map.Label = 5), '/States/Rows/Label is invalid. must be string'],
    ['an Assign that is not an object', (map: any) => (map.Assign = 'x'), '/States/Rows/Assign is invalid. must be object'],
    ['an unknown ExecutionType', (map: any) => (map.ItemProcessor.ProcessorConfig.ExecutionType = 'BATCH'), '/States/Rows/ItemProcessor/ProcessorConfig/ExecutionType is invalid. must be equal to one of the allowed values'],
  ])('%s', (_name, change, error) => {
    expect(breaking(change)).toContain(`SCHEMA_VALIDATION_FAILED: ${error}`);
  });
});
