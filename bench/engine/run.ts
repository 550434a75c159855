/**
 * bench/engine: typestep's local engine (@typestep/local) against aws-local-stepfunctions, both in
 * this one run on this machine, on a 200-state Pass/Choice chain and a 10,000-item inline Map.
 * Prints a table and writes its section of BENCHMARKS.md at the repository root.
 *
 *   cd bench && tsc -b ../packages/local && node --import tsx engine/run.ts [--quick] [--no-write]
 *
 * Run it without --expose-gc: a forced full GC before each round leaves V8's young generation
 * shrunk, and the next round of a fast engine then pays mostly for regrowing it (measured: 4×
 * slower rounds for typestep, the slower engine much less), which is not how either engine runs.
 */
import { runExecution } from '@typestep/local';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describeMachine } from '../compile/machine.js';
import { roundRobin } from '../compile/measure.js';
import { awsLocalStepFunctionsEngine, typestepEngine } from './engines.js';
import { printReport, writeBenchmarksMd, type Results, type WorkloadResult } from './report.js';
import { inlineMap, passChoiceChain } from './workloads.js';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(BENCH_DIR, '..');

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const settings = { warmup: quick ? 1 : 3, iterations: quick ? 3 : 25 };
const log = (line: string) => process.stderr.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`\nbench/engine: ${message}\n`);
  process.exit(1);
}

function versionOf(packageName: string): string {
  const require = createRequire(join(BENCH_DIR, 'package.json'));
  let dir = dirname(require.resolve(packageName));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === packageName) return manifest.version ?? 'unknown';
    } catch {
      // keep looking upwards
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

const versions = { '@typestep/local': versionOf('@typestep/local'), 'aws-local-stepfunctions': versionOf('aws-local-stepfunctions') };
const machine = describeMachine();
const engines = [
  typestepEngine(versions['@typestep/local']),
  await awsLocalStepFunctionsEngine(versions['aws-local-stepfunctions']),
] as const;
const checks: string[] = [];
const workloads: WorkloadResult[] = [];

for (const workload of [passChoiceChain(200), inlineMap(10_000)]) {
  log(`bench/engine: ${workload.name}`);
  const [ours, theirs] = await Promise.all(engines.map((engine) => engine.prepare(workload)));
  for (const [engine, run] of [
    [engines[0], ours],
    [engines[1], theirs],
  ] as const) {
    const output = await run!();
    if (!isDeepStrictEqual(output, workload.expectedOutput))
      fail(`${engine.name} gave an unexpected output for the ${workload.name}: ${JSON.stringify(output).slice(0, 300)}`);
  }
  checks.push(`both engines give the expected output for the ${workload.name} (deep-equal)`);
  const { events } = await runExecution({ definition: workload.definition, input: workload.input });

  const repeat = (run: () => Promise<unknown>) => async () => {
    const start = performance.now();
    for (let i = 0; i < workload.executionsPerRound; i++) await run();
    return { total: performance.now() - start };
  };
  const samples = await roundRobin(
    { typestep: repeat(ours!), alternative: repeat(theirs!) },
    { ...settings, onRound: (round, total) => log(`  round ${round + 1}/${total}`) },
  );
  const typestep = samples.typestep['total']!;
  const alternative = samples.alternative['total']!;
  workloads.push({
    name: workload.name,
    description: workload.description,
    executionsPerRound: workload.executionsPerRound,
    typestep,
    alternative,
    speedup: alternative.median / typestep.median,
    historyEvents: events.length,
  });
}

const results: Results = {
  date: new Date().toISOString().slice(0, 10),
  command: `cd bench && tsc -b ../packages/local && node --import tsx engine/run.ts${quick ? ' --quick' : ''}`,
  machine,
  loadAverageAtEnd: loadavg()[0]!,
  versions,
  settings,
  workloads,
  checks,
};
printReport(results);
if (!args.has('--no-write') && !quick) {
  writeBenchmarksMd(results, join(REPO_ROOT, 'BENCHMARKS.md'));
  log('bench/engine: wrote its section of BENCHMARKS.md');
}
