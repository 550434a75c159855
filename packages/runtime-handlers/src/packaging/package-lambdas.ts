import { formatDefinition } from '@typestep/compiler';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { bundleFunction } from './bundle.js';
import { compileWorkflowModule } from './examples.js';
import { LAMBDA_FUNCTIONS, type LambdaFunction } from './lambda-functions.js';
import { aslFileName, samTemplate, type SamApplication } from './sam-template.js';
import { sharpRuntimeFiles, type LambdaArchitecture } from './sharp-runtime.js';
import { zipFiles } from './zip.js';

/**
 * YAML 1.1, as CloudFormation reads it: strings that 1.1 would take for a date or a boolean
 * (`2010-09-09`, `yes`) come out quoted.
 */
export const SAM_YAML = { version: '1.1', lineWidth: 0 } as const;

export interface PackageOptions {
  /** The repository root (examples/ is read from it). */
  readonly root: string;
  /** Written: `lambda/<function>.zip` and `sam/<example>/{template.yaml, <Workflow>.asl.json}`. */
  readonly outDir: string;
  /** Where `npm pack` tarballs of sharp's other architectures are kept between runs. */
  readonly cacheDir: string;
  readonly architectures: readonly LambdaArchitecture[];
  readonly functions: readonly LambdaFunction[];
  readonly applications: readonly SamApplication[];
}

export interface Packaged {
  readonly zips: readonly { readonly name: string; readonly path: string; readonly bytes: number; readonly files: number }[];
  readonly templates: readonly string[];
}

/** Bundles and zips every function, then writes each example's SAM template and definitions. */
export async function packageLambdas(options: PackageOptions): Promise<Packaged> {
  rmSync(options.outDir, { recursive: true, force: true });
  const lambdaDir = join(options.outDir, 'lambda');
  mkdirSync(lambdaDir, { recursive: true });
  const zips = [];
  for (const fn of options.functions) {
    const files = await bundleFunction(fn);
    if (fn.sharp) for (const [path, bytes] of await sharpRuntimeFiles(options.architectures, options.cacheDir)) files.set(path, bytes);
    const zip = zipFiles(files);
    const path = join(lambdaDir, `${fn.name}.zip`);
    writeFileSync(path, zip);
    zips.push({ name: fn.name, path, bytes: zip.length, files: files.size });
  }
  const templates = [];
  for (const app of options.applications) {
    const compiled = (await Promise.all(app.workflowFiles.map((file) => compileWorkflowModule(join(options.root, 'examples', app.folder, file))))).flat();
    const dir = join(options.outDir, 'sam', app.folder);
    mkdirSync(dir, { recursive: true });
    const template = join(dir, 'template.yaml');
    writeFileSync(template, stringify(samTemplate(app, compiled), SAM_YAML));
    for (const workflow of Object.keys(app.stateMachines)) {
      writeFileSync(join(dir, aslFileName(workflow)), formatDefinition(compiled.find((c) => c.name === workflow)!.definition));
    }
    templates.push(template);
  }
  return { zips, templates };
}
