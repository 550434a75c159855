import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The bench package's folder, the repository root, and the files the benchmarks start from. */
export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const SEED_000_WORKFLOW = join(REPO_ROOT, 'examples/000-image-pipeline/image-pipeline.workflow.ts');
export const SEED_000_REFERENCE = resolve(REPO_ROOT, '../shared/reference-asl/000-1.asl.json');
export const TYPESTEP_BIN = join(REPO_ROOT, 'packages/cli/bin/typestep.js');
/** Files the bench generates (the CDK app as JavaScript, profiles): ignored like any node_modules content. */
export const CACHE_DIR = join(BENCH_DIR, 'node_modules/.cache/typestep-bench');

export interface TypestepProject {
  readonly root: string;
  readonly outDir: string;
  readonly cleanup: () => void;
}

/**
 * A throwaway project holding just the seed-000 pipeline, the way a user's project looks:
 * the workflow file, a `typestep.config.json`, and a node_modules where `@typestep/dsl` and
 * `zod` resolve (a link to the bench package's own node_modules).
 */
export function createTypestepProject(): TypestepProject {
  const root = mkdtempSync(join(tmpdir(), 'typestep-bench-'));
  copyFileSync(SEED_000_WORKFLOW, join(root, 'image-pipeline.workflow.ts'));
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'seed-000', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(root, 'typestep.config.json'), `${JSON.stringify({ workflows: ['*.workflow.ts'], outDir: 'out' }, null, 2)}\n`);
  symlinkSync(join(BENCH_DIR, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, outDir: join(root, 'out'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The CDK app compiled to JavaScript (TypeScript's transpileModule, as `tsc` would emit it),
 * so the CDK process is timed as `node app.js` — what `cdk synth` runs for a JavaScript app,
 * and the fastest way to run one. It lives under the bench's node_modules so that
 * `aws-cdk-lib` resolves from it.
 */
export function compileCdkApp(): string {
  const source = join(BENCH_DIR, 'compile/cdk-app.ts');
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: source,
  });
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, 'cdk-app.mjs');
  writeFileSync(file, outputText);
  return file;
}

/** A fresh empty folder for one CDK synth (cdk.out). */
export function cdkOutDir(): { readonly dir: string; readonly cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'typestep-bench-cdk-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
