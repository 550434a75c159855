/**
 * `pnpm bench` (bench/compile): typestep's compiler against its targets and against aws-cdk-lib,
 * all measured in this one run on this machine. Prints a table and writes the results into
 * BENCHMARKS.md at the repository root.
 *
 *   1. a generated 10,000-state workflow (and 20,000, for linearity) built through the DSL,
 *      compiled (emit + validate) and turned into the asl.json text, in-process;
 *   2. the seed-000 image pipeline compiled in-process, against the same pipeline written with
 *      aws-cdk-lib and synthesized in-process;
 *   3. `typestep build` as a whole process on a project holding just the seed-000 pipeline,
 *      against the CDK app as a whole process (`node app.js`, what `cdk synth` runs).
 *
 * Options: --quick (fewer iterations, for trying the bench out), --profile (profile the
 * 10,000-state compile even when it meets its target), --no-write (leave BENCHMARKS.md alone).
 */
import { compile, formatDefinition, validateDefinition, type CompileResult } from '@typestep/compiler';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { countStates, generateWorkflow } from './generate.js';
import { describeMachine } from './machine.js';
import { collectGarbage, roundRobin, runProcess, timed, type Sample } from './measure.js';
import { profile, summarise, type ProfileSummary } from './profile.js';
import {
  BENCH_DIR,
  CACHE_DIR,
  cdkOutDir,
  compileCdkApp,
  createTypestepProject,
  REPO_ROOT,
  SEED_000_REFERENCE,
  SEED_000_WORKFLOW,
  TYPESTEP_BIN,
} from './projects.js';
import { printReport, TARGETS, writeBenchmarksMd, type Results } from './report.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const settings = {
  generated: { warmup: quick ? 1 : 3, iterations: quick ? 3 : 10 },
  seedInProcess: { warmup: quick ? 3 : 10, iterations: quick ? 10 : 40 },
  processes: { warmup: quick ? 1 : 2, iterations: quick ? 3 : 10 },
};
/**
 * 10,000 states fit in Step Functions' 1 MB definition quota (about 0.9 MB of compact JSON) and
 * must compile with no diagnostic at all. 20,000 states (about 1.8 MB) cannot fit in 1 MB with
 * any realistic mix of states, so the 20,000-state run — there only to show that the cost is
 * linear — may carry exactly one diagnostic: STEP202, definition over 1 MB. The validator still
 * runs every rule on it.
 */
const SIZES = [10_000, 20_000] as const;
const MUST_BE_VALID = 10_000;
const PROFILE_ROUNDS = 5;
/** The bench's own measuring code, left out of the profile's inclusive table. */
const isHarness = (url: string) => /\/bench\/compile\/(run|measure|profile)\.ts$/.test(url);
const OVERSIZE = 'STEP202';

const log = (line: string) => process.stderr.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`\nbench/compile: ${message}\n`);
  process.exit(1);
}

/**
 * Fails loudly unless the result has no diagnostics — except, when `allowOversize`, the one
 * STEP202 "over 1 MB" that a definition of 20,000 states cannot avoid (see SIZES).
 */
function assertValid(result: CompileResult, what: string, allowOversize = false): void {
  const problems = result.diagnostics.filter((d) => !(allowOversize && d.code === OVERSIZE && d.location.length === 0));
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10).map((d) => `  ${d.code} ${d.statePath}: ${d.message}`);
  fail(`${what} must compile with no diagnostics, got ${problems.length}:\n${shown.join('\n')}`);
}

/** The text `typestep build` writes for one workflow: its asl.json and substitutions.json. */
async function outputTexts(result: CompileResult): Promise<{ asl: string; substitutions: string }> {
  return { asl: await formatDefinition(result.definition), substitutions: await formatDefinition(result.substitutions) };
}

const reference = JSON.parse(readFileSync(SEED_000_REFERENCE, 'utf8')) as unknown;

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'packages/cli/dist/main.js')))
    fail('packages/cli is not built; run `pnpm build` (or the bench script, which builds it) first');
  const machine = describeMachine();
  log(`bench/compile on ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}${quick ? ' (--quick)' : ''}`);

  // ── 1. Generated workflows, in-process ────────────────────────────────────────────────
  const shapes: Results['generated'] = {};
  const oversize: Record<number, string[]> = {};
  for (const states of SIZES) {
    const generated = generateWorkflow(states);
    const result = compile(generated.workflow);
    assertValid(result, `the generated ${states}-state workflow`, states > MUST_BE_VALID);
    if (states > MUST_BE_VALID) oversize[states] = result.diagnostics.map((d) => d.code);
    const counted = countStates(result.definition);
    if (counted !== states) fail(`the generated workflow should have ${states} states, its ASL has ${counted}`);
    const { asl } = await outputTexts(result);
    shapes[states] = {
      states: counted,
      blocks: generated.blocks,
      minifiedBytes: Buffer.byteLength(JSON.stringify(result.definition)),
      aslJsonBytes: Buffer.byteLength(asl),
      phases: {},
    };
  }
  /** The measured pipeline: DSL build → compile() (emit + validate) → the text `typestep build` writes. */
  const pipeline = async (states: number) => {
    const [generated, build] = await timed(() => generateWorkflow(states));
    const [result, compiled] = await timed(() => compile(generated.workflow));
    const [, text] = await timed(() => outputTexts(result));
    return { result, phases: { build, compile: compiled, text, total: build + compiled + text } };
  };
  const generatedRun = async (states: number) => {
    const { result, phases } = await pipeline(states);
    assertValid(result, `the generated ${states}-state workflow`, states > MUST_BE_VALID);
    // Breakdowns outside the total: the validator alone, and a plain JSON.stringify instead of prettier.
    const [, validate] = await timed(() =>
      validateDefinition(result.definition, { workflow: result.name, substitutions: result.substitutions }),
    );
    const [, stringify] = await timed(() => JSON.stringify(result.definition, null, 2));
    return { ...phases, validate, stringify, totalStringify: phases.build + phases.compile + stringify };
  };
  log(
    `generated workflows: ${settings.generated.warmup} warmup + ${settings.generated.iterations} measured rounds of ${SIZES.join(' and ')} states`,
  );
  const generated = await roundRobin<string>(Object.fromEntries(SIZES.map((n) => [n, () => generatedRun(n)])), {
    ...settings.generated,
    onRound: (round, total) => log(`  round ${round + 1}/${total}`),
  });
  for (const states of SIZES) shapes[states]!.phases = generated[states]!;

  // ── 2. Seed 000 in-process: typestep compile vs CDK synth ────────────────────────────────
  const seed = (await import(SEED_000_WORKFLOW)) as { default: Parameters<typeof compile>[0] };
  const seedResult = compile(seed.default);
  assertValid(seedResult, 'the seed-000 pipeline');
  if (!isDeepStrictEqual(seedResult.definition, reference))
    fail('the seed-000 pipeline no longer compiles to ../shared/reference-asl/000-1.asl.json');

  const cdk = await import('./cdk-app.js');
  const cdkReference = JSON.parse(JSON.stringify(reference).replaceAll('${LambdaFunction}', cdk.IMAGE_FUNCTION_ARN)) as unknown;
  const [firstCdk, cdkFirstMs] = await timed(() => {
    const out = cdkOutDir();
    try {
      return cdk.synthImagePipeline(out.dir);
    } finally {
      out.cleanup();
    }
  });
  if (!isDeepStrictEqual(firstCdk, cdkReference)) {
    fail(`the CDK app no longer renders the seed-000 ASL (with the function ARN for \${LambdaFunction}):\n${JSON.stringify(firstCdk)}`);
  }
  log(`seed 000 in-process: ${settings.seedInProcess.warmup} warmup + ${settings.seedInProcess.iterations} measured rounds`);
  const seedInProcess = await roundRobin(
    {
      typestep: async () => {
        const [result, compiled] = await timed(() => compile(seed.default));
        const [, text] = await timed(() => outputTexts(result));
        return { total: compiled + text, compile: compiled, text };
      },
      cdk: () => {
        const out = cdkOutDir();
        const start = performance.now();
        cdk.synthImagePipeline(out.dir);
        const ms = performance.now() - start;
        out.cleanup();
        return { total: ms };
      },
    },
    settings.seedInProcess,
  );

  // ── 3. Whole processes: `typestep build` vs the CDK app ──────────────────────────────────
  const project = createTypestepProject();
  const cdkApp = compileCdkApp();
  const cdkAppTs = join(BENCH_DIR, 'compile/cdk-app.ts');
  let processes: Record<'typestep' | 'cdkJs' | 'cdkTs' | 'typestepVersion' | 'node', Record<string, Sample>>;
  let buildProfile: ProfileSummary | undefined;
  try {
    const typestepArgs = [TYPESTEP_BIN, 'build', '--project', project.root];
    const first = await runProcess(process.execPath, typestepArgs, { cwd: project.root });
    const built = JSON.parse(readFileSync(join(project.outDir, 'ImagePipeline.asl.json'), 'utf8')) as unknown;
    if (!isDeepStrictEqual(built, reference))
      fail(`typestep build wrote an ImagePipeline.asl.json that differs from the reference:\n${first.stdout}`);

    const cdkProcess = (command: readonly string[]) => async () => {
      const out = cdkOutDir();
      try {
        const run = await runProcess(process.execPath, command, { cwd: BENCH_DIR, env: { ...process.env, CDK_OUTDIR: out.dir } });
        return { total: run.ms };
      } finally {
        out.cleanup();
      }
    };
    log(`whole processes: ${settings.processes.warmup} warmup + ${settings.processes.iterations} measured rounds`);
    processes = await roundRobin(
      {
        typestep: async () => ({ total: (await runProcess(process.execPath, typestepArgs, { cwd: project.root })).ms }),
        cdkJs: cdkProcess([cdkApp]),
        cdkTs: cdkProcess(['--import', 'tsx', cdkAppTs]),
        // Floors: the CLI starting without building, and node itself.
        typestepVersion: async () => ({
          total: (await runProcess(process.execPath, [TYPESTEP_BIN, '--version'], { cwd: project.root })).ms,
        }),
        node: async () => ({ total: (await runProcess(process.execPath, ['-e', '0'], { cwd: BENCH_DIR })).ms }),
      },
      { ...settings.processes, onRound: (round, total) => log(`  round ${round + 1}/${total}`) },
    );
    const speedup = processes.cdkJs['total']!.median / processes.typestep['total']!.median;
    if (speedup < TARGETS.processSpeedup || args.has('--profile')) {
      log('profiling the `typestep build` process (node --cpu-prof)…');
      buildProfile = await profileProcess(typestepArgs, project.root);
    }
  } finally {
    project.cleanup();
  }

  // ── Targets, and a profile when the in-process target is missed ──────────────────────────
  const t10k = shapes[10_000]!.phases['total']!.median;
  const t20k = shapes[20_000]!.phases['total']!.median;
  const results: Results = {
    date: new Date().toISOString(),
    command: 'pnpm bench',
    quick,
    machine,
    loadAverageAtEnd: loadavg()[0]!,
    versions: versions(),
    settings,
    generated: shapes,
    seedInProcess: {
      typestep: seedInProcess.typestep['total']!,
      typestepCompile: seedInProcess.typestep['compile']!,
      typestepText: seedInProcess.typestep['text']!,
      cdk: seedInProcess.cdk['total']!,
      cdkFirstMs,
    },
    processes: {
      typestep: processes.typestep['total']!,
      cdkJs: processes.cdkJs['total']!,
      cdkTs: processes.cdkTs['total']!,
      typestepVersion: processes.typestepVersion['total']!,
      node: processes.node['total']!,
    },
    ratios: {
      linearity: t20k / t10k,
      process: processes.cdkJs['total']!.median / processes.typestep['total']!.median,
      processTs: processes.cdkTs['total']!.median / processes.typestep['total']!.median,
      inProcess: seedInProcess.cdk['total']!.median / seedInProcess.typestep['total']!.median,
    },
    checks: [
      `the generated workflows have exactly ${SIZES.map((n) => n.toLocaleString('en-US')).join(' / ')} states (nested ones included); the 10,000-state one compiles with no diagnostics${Object.entries(
        oversize,
      )
        .map(
          ([n, codes]) =>
            `; the ${Number(n).toLocaleString('en-US')}-state one with ${codes.length === 0 ? 'none either' : `only ${codes.join(', ')} (definition over 1 MB, unavoidable at that size)`}`,
        )
        .join('')}`,
      'the seed-000 pipeline compiles in-process to ../shared/reference-asl/000-1.asl.json (deep-equal)',
      '`typestep build` writes an ImagePipeline.asl.json deep-equal to the reference',
      "the CDK app's synthesized DefinitionString is deep-equal to the reference with ${LambdaFunction} replaced by the function ARN",
    ],
    profile: undefined,
    buildProfile,
  };
  if (t10k >= TARGETS.inProcess10kMs || args.has('--profile')) {
    log('profiling the 10,000-state compile…');
    const file = join(CACHE_DIR, 'compile-10k.cpuprofile');
    collectGarbage();
    results.profile = await profile(
      async () => {
        for (let i = 0; i < PROFILE_ROUNDS; i++) await pipeline(10_000);
      },
      file,
      REPO_ROOT,
      { harness: isHarness },
    );
  }

  printReport(results);
  if (!args.has('--no-write') && !quick) {
    const file = writeBenchmarksMd(results, join(REPO_ROOT, 'BENCHMARKS.md'));
    log(`\nwrote ${file}`);
  } else {
    log('\nBENCHMARKS.md left as it is (--quick / --no-write)');
  }
}

/**
 * One `typestep build` run under `node --cpu-prof`: its main thread's profile summarised (tsx's
 * loader hooks run on a worker thread of their own, whose time shows here as waiting).
 */
async function profileProcess(args: readonly string[], cwd: string): Promise<ProfileSummary> {
  const dir = join(CACHE_DIR, 'build-process');
  rmSync(dir, { recursive: true, force: true });
  await runProcess(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd });
  // Files are CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  const main = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? files[0];
  if (!main) fail(`node --cpu-prof wrote no profile into ${dir}`);
  const file = join(dir, main);
  return summarise(JSON.parse(readFileSync(file, 'utf8')), file, REPO_ROOT);
}

function versions(): Results['versions'] {
  const read = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  return {
    typestep: read(join(REPO_ROOT, 'packages/compiler/package.json')),
    'aws-cdk-lib': read(join(BENCH_DIR, 'node_modules/aws-cdk-lib/package.json')),
    constructs: read(join(BENCH_DIR, 'node_modules/constructs/package.json')),
  };
}

await main();
