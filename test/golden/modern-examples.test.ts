import { describe, expect, it } from 'vitest';
import { compile, formatDefinition } from '@typestep/compiler';
import { aslValidatorErrors } from '../support/oracles.js';
import imagePipelineJsonata from '../../examples/000-image-pipeline/image-pipeline-jsonata.workflow.js';
import usageReportModern from '../../examples/001-s3-usage-report/usage-report-modern.workflow.js';

/**
 * The seeds written the modern way (JSONata, variables, Distributed Map) have no reference ASL:
 * their golden is the emitted file next to this test, reviewed like code.
 */
const modern = { ImagePipelineJsonata: imagePipelineJsonata, S3UsageReportModern: usageReportModern };

describe.each(Object.entries(modern))('%s', (name, workflow) => {
  const result = compile(workflow);

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('emits its golden ASL', async () => {
    await expect(formatDefinition(result.definition)).toMatchFileSnapshot(`./modern/${name}.asl.json`);
  });

  it('is accepted by asl-validator v4', () => {
    expect(aslValidatorErrors(result.definition)).toEqual([]);
  });
});

it('the modern usage report lists the placeholders a deployment must fill', () => {
  expect(Object.keys(compile(usageReportModern).substitutions).sort()).toEqual(['ReportTopicArn', 'SumUsageBatchFunctionArn', 'UsageTable']);
});
