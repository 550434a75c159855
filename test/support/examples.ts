import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowLike } from '@typestep/compiler';
import imagePipeline from '../../examples/000-image-pipeline/image-pipeline.workflow.js';
import s3UsageController from '../../examples/001-s3-usage-report/controller.workflow.js';
import { threeBuckets } from '../../examples/001-s3-usage-report/usage-parallel.workflow.js';
import stockTrader from '../../examples/002-stock-trader/stock-trader.workflow.js';
import { lambdaChoice, lambdaTest } from '../../examples/003-flows/lambda-test.workflow.js';
import loadJsonMap from '../../examples/003-flows/load-json-map.workflow.js';
import runCommand from '../../examples/003-flows/run-command.workflow.js';
import helloWorld from '../../examples/004-two-lambdas/hello-world.workflow.js';

/** The repository root (this file is `<root>/test/support/examples.ts`). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `../shared/reference-asl/` next to the repository: read in place, never copied in. */
export const referenceDir = fileURLToPath(new URL('../../../shared/reference-asl/', import.meta.url));

export interface Example {
  /** The reference file's base name in `../shared/reference-asl/` (without `.asl.json`). */
  readonly reference: string;
  /** Where the workflow comes from, for test names: `<file> <export>`. */
  readonly source: string;
  readonly workflow: WorkflowLike;
}

/** Every example workflow export, with the reference machine it must reproduce. */
export const examples: readonly Example[] = [
  { reference: '000-1', source: '000-image-pipeline/image-pipeline.workflow.ts default', workflow: imagePipeline },
  { reference: '001-1', source: '001-s3-usage-report/controller.workflow.ts default', workflow: s3UsageController },
  { reference: '001-2-dynamic-3-buckets', source: '001-s3-usage-report/usage-parallel.workflow.ts threeBuckets', workflow: threeBuckets },
  { reference: '002-1', source: '002-stock-trader/stock-trader.workflow.ts default', workflow: stockTrader },
  { reference: '003-1', source: '003-flows/lambda-test.workflow.ts lambdaTest', workflow: lambdaTest },
  { reference: '003-2', source: '003-flows/lambda-test.workflow.ts lambdaChoice', workflow: lambdaChoice },
  { reference: '003-3', source: '003-flows/load-json-map.workflow.ts default', workflow: loadJsonMap },
  { reference: '003-4', source: '003-flows/run-command.workflow.ts default', workflow: runCommand },
  { reference: '004-1', source: '004-two-lambdas/hello-world.workflow.ts default', workflow: helloWorld },
];

/** The base names of every `*.asl.json` file in the reference folder. */
export function referenceNames(): string[] {
  return readdirSync(referenceDir)
    .filter((file) => file.endsWith('.asl.json'))
    .map((file) => file.slice(0, -'.asl.json'.length))
    .sort();
}

/** A reference machine, parsed. */
export function readReference(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${referenceDir}${name}.asl.json`, 'utf8')) as Record<string, unknown>;
}
