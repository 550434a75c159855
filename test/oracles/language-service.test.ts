import { compile } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../golden/constructs/index.js';
import { examples, readReference, referenceNames } from '../support/examples.js';
import { aslValidatorErrors, languageServiceProblems } from '../support/oracles.js';
import { substitute } from '../support/substitute.js';
import { exampleWorkflows } from './example-workflows.js';

/**
 * AWS's own `amazon-states-language-service` 1.16.1 (the validation behind AWS's ASL editors) as an
 * oracle. It knows JSONata states (Arguments, Output, Assign, Condition, `{% %}` in number fields),
 * variables and the Distributed Map (ItemReader with ReaderConfig InputType CSV/JSON/JSONL/MANIFEST,
 * CSVDelimiter, ItemBatcher, ResultWriter with WriterConfig, ToleratedFailure… 0–100, Label,
 * ExecutionType), so every definition here must pass it with no problem at all: no construct
 * typestep emits needs to be excused (checked on every example, reference and golden below, and on
 * all 182 corpus definitions, where it complained only about a `${Placeholder}` standing for a
 * number and a definition that is invalid).
 *
 * What it does not check (the last describe proves each, and why asl-validator runs too): the
 * syntax of a JSONata expression, JSONPath-only fields (InputPath, Parameters…) in a JSONata
 * state, and unknown fields inside ItemReader.
 */

const examplesFound = await exampleWorkflows();

const machines = [
  ...examplesFound.map(({ source, compiled }) => ({ name: `example ${source}`, definition: substitute(compiled.definition, compiled.substitutions) })),
  ...referenceNames().map((name) => ({ name: `reference ${name}`, definition: readReference(name) })),
  ...goldenCases.map(({ construct, workflow }) => {
    const { definition, substitutions } = compile(workflow);
    return { name: `golden ${construct}`, definition: substitute(definition, substitutions) };
  }),
];

describe('every example, reference machine and golden is accepted', () => {
  it('finds every example listed with a reference machine, and the modern ones', () => {
    const found = examplesFound.map(({ compiled }) => compiled.name);
    for (const { workflow } of examples) expect(found).toContain(compile(workflow).name);
    expect(found).toEqual(expect.arrayContaining(['ImagePipelineJsonata', 'S3UsageReportModern']));
  });

  it.each(machines)('$name', async ({ definition }) => {
    expect(await languageServiceProblems(definition)).toEqual([]);
  });
});

/** A golden's deployed definition, to break on purpose. */
function golden(name: string): any {
  const found = goldenCases.find(({ workflow }) => compile(workflow).name === name);
  if (!found) throw new Error(`no golden case compiles to a workflow named ${name}`);
  const { definition, substitutions } = compile(found.workflow);
  return substitute(definition, substitutions);
}

describe('the oracle can fail, and says where', () => {
  it('a dangling Next and an unreachable state', async () => {
    const definition = golden('JsonataTask');
    definition.States.Charge.Next = 'Nowhere';
    expect(await languageServiceProblems(definition)).toEqual(
      expect.arrayContaining([
        { at: 'States.Charge.Next', message: 'The value of "Next" property must be the name of an existing state.' },
        { at: 'States.Notify', message: 'The state cannot be reached. It must be referenced by at least one other state.' },
      ]),
    );
  });

  it('a JSONata number field that is neither a number nor an expression', async () => {
    const definition = golden('JsonataTask');
    definition.States.Charge.TimeoutSeconds = { seconds: 30 };
    expect(await languageServiceProblems(definition)).toEqual([
      { at: 'States.Charge.TimeoutSeconds', message: 'Incorrect type. Expected one of integer, JSONata expression.' },
    ]);
  });

  it('a field a Catcher does not have', async () => {
    const definition = golden('JsonataCatch');
    definition.States.Charge.Catch[0].ResultSelector = {};
    expect(await languageServiceProblems(definition)).toEqual([{ at: 'States.Charge.Catch.0.ResultSelector', message: 'Field is not supported.' }]);
  });

  it('Distributed Map values out of range or not AWS’s', async () => {
    const definition = golden('DistributedJsonata');
    const map = definition.States.Rows;
    map.ToleratedFailurePercentage = 101;
    map.ItemReader.ReaderConfig.InputType = 'XML';
    map.ItemProcessor.ProcessorConfig.ExecutionType = 'BATCH';
    map.ResultWriter.WriterConfig = { OutputType: 'CSV' };
    expect(await languageServiceProblems(definition)).toEqual(
      expect.arrayContaining([
        { at: 'States.Rows.ToleratedFailurePercentage', message: 'Value is above the maximum of 100.' },
        { at: 'States.Rows.ItemReader.ReaderConfig.InputType', message: 'Value is not accepted. Valid values: "CSV", "JSON", "JSONL", "MANIFEST".' },
        { at: 'States.Rows.ItemProcessor.ProcessorConfig.ExecutionType', message: 'Value is not accepted. Valid values: "EXPRESS", "STANDARD".' },
        { at: 'States.Rows.ResultWriter.WriterConfig.OutputType', message: 'Value is not accepted. Valid values: "JSON", "JSONL".' },
      ]),
    );
  });

  it('a Condition that is not a boolean or an expression', async () => {
    const definition = golden('JsonataChoice');
    definition.States.Route.Choices[0].Condition = 5;
    expect(await languageServiceProblems(definition)).toEqual([
      { at: 'States.Route.Choices.0.Condition', message: 'Incorrect type. Expected one of boolean, JSONata expression.' },
    ]);
  });
});

describe('what it does not check, and asl-validator does', () => {
  it('a JSONata syntax error', async () => {
    const definition = golden('JsonataTask');
    definition.States.Charge.Output = '{% $states.result.( %}';
    expect(await languageServiceProblems(definition)).toEqual([]);
    expect(aslValidatorErrors(definition)).toEqual(['SCHEMA_VALIDATION_FAILED: /States/Charge/Output is invalid. must match exactly one schema in oneOf']);
  });

  it('a JSONPath-only field in a JSONata state', async () => {
    const definition = golden('JsonataTask');
    definition.States.Charge.InputPath = '$.order';
    expect(await languageServiceProblems(definition)).toEqual([]);
    expect(aslValidatorErrors(definition)).toEqual(['SCHEMA_VALIDATION_FAILED: /States/Charge is invalid. must match exactly one schema in oneOf']);
  });
});
