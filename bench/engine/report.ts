import type { Machine } from '../compile/machine.js';
import type { Sample } from '../compile/measure.js';
import { machineTable, mdTable, sectionMarkers, writeSection } from '../markdown.js';

/** The target from the issue ("Done when"): this engine at least 5× faster than aws-local-stepfunctions. */
export const TARGET_SPEEDUP = 5;

export interface WorkloadResult {
  readonly name: string;
  readonly description: string;
  readonly executionsPerRound: number;
  /** Milliseconds per round (`executionsPerRound` executions), per engine. */
  readonly typestep: Sample;
  readonly alternative: Sample;
  /** alternative median / typestep median. */
  readonly speedup: number;
  /** History events typestep recorded for one execution. */
  readonly historyEvents: number;
}

export interface Results {
  readonly date: string;
  readonly command: string;
  readonly machine: Machine;
  readonly loadAverageAtEnd: number;
  readonly versions: Readonly<Record<string, string>>;
  readonly settings: { readonly warmup: number; readonly iterations: number };
  readonly workloads: readonly WorkloadResult[];
  readonly checks: readonly string[];
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const perExecution = (s: Sample, n: number) => ms(s.median / n);

function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(r: Results): void {
  const rows = r.workloads.flatMap((w) => [
    [`${w.name}: typestep`, ms(w.typestep.median), ms(w.typestep.min), ms(w.typestep.max), perExecution(w.typestep, w.executionsPerRound)],
    [
      `${w.name}: aws-local-stepfunctions`,
      ms(w.alternative.median),
      ms(w.alternative.min),
      ms(w.alternative.max),
      perExecution(w.alternative, w.executionsPerRound),
    ],
  ]);
  const targets = r.workloads.map((w) => [
    w.name,
    `≥ ${TARGET_SPEEDUP}×`,
    `${w.speedup.toFixed(1)}×`,
    w.speedup >= TARGET_SPEEDUP ? 'met' : 'MISSED',
  ]);
  process.stdout.write(
    [
      '',
      `bench/engine — ${r.date} — ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memory}, node ${r.machine.node}`,
      '',
      textTable(['ms per round', 'median', 'min', 'max', 'per execution'], rows),
      '',
      textTable(['speed-up over aws-local-stepfunctions', 'goal', 'measured', ''], targets),
      '',
    ].join('\n'),
  );
}

const [START, END] = sectionMarkers('engine');


export function markdownSection(r: Results): string {
  const lines: string[] = [START, '', '## bench/engine — the local engine against aws-local-stepfunctions', ''];
  lines.push(`Written by \`${r.command}\` (bench/engine/run.ts) on ${r.date}. Every number below comes from that one run.`, '');
  lines.push(
    machineTable(r.machine, r.loadAverageAtEnd, r.versions),
    '',
    '### Target',
    '',
    mdTable(
      ['workload', 'goal', 'measured (median ratio)', 'met'],
      ['l', 'r', 'r', 'l'],
      r.workloads.map((w) => [
        w.name,
        `≥ ${TARGET_SPEEDUP}× faster`,
        `${w.speedup.toFixed(1)}×`,
        w.speedup >= TARGET_SPEEDUP ? 'yes' : '**no**',
      ]),
    ),
    '',
    `### Timings (ms; ${r.settings.warmup} warmup + ${r.settings.iterations} measured rounds, the engines alternating)`,
    '',
    mdTable(
      ['workload', 'engine', 'executions per round', 'median', 'min', 'max', 'per execution (median)'],
      ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
      r.workloads.flatMap((w) => [
        [
          w.name,
          'typestep (`runExecution`)',
          String(w.executionsPerRound),
          ms(w.typestep.median),
          ms(w.typestep.min),
          ms(w.typestep.max),
          perExecution(w.typestep, w.executionsPerRound),
        ],
        [
          w.name,
          'aws-local-stepfunctions (`StateMachine.run`)',
          String(w.executionsPerRound),
          ms(w.alternative.median),
          ms(w.alternative.min),
          ms(w.alternative.max),
          perExecution(w.alternative, w.executionsPerRound),
        ],
      ]),
    ),
    '',
    ...r.workloads.map(
      (w) => `- **${w.name}**: ${w.description}. typestep records ${w.historyEvents.toLocaleString('en-US')} history events per execution.`,
    ),
    '',
    '### How it is measured',
    '',
    ...[
      "Both engines run in this one process on the same ASL JSON and input (bench/engine/workloads.ts); a round runs the workload's executions back to back with each engine in turn, and warmup rounds are discarded.",
      "No GC is forced between rounds: a forced full GC leaves the young generation shrunk and the next round pays for regrowing it, which distorts a fast engine most (typestep's rounds ran about 4× slower that way). Each engine runs in the heap the other left; alternating the engines spreads that evenly.",
      "Each engine loads the definition once before timing (typestep validates it with the compiler's rules on its first run; aws-local-stepfunctions validates in its `StateMachine` constructor), so the timings are of executions alone.",
      'typestep runs from its `dist/` build (the command runs `tsc -b ../packages/local` first) with its defaults: the real clock and the full AWS history recorded for every execution; aws-local-stepfunctions 3.0.0 runs with its defaults, on Node 20 with `Promise.withResolvers` polyfilled.',
      'Inline Map: Step Functions runs at most 40 iterations at once (MaxConcurrency 0 means that limit), and so does typestep; aws-local-stepfunctions applies no limit.',
      'Benchmarks never run in `pnpm test`, and no test asserts on wall-clock time.',
    ].map((line) => `- ${line}`),
    '',
    'Checked in this run (the bench exits non-zero when one fails):',
    '',
    ...r.checks.map((check) => `- ${check}`),
    '',
    END,
  );
  return lines.join('\n');
}

/** Writes the bench/engine section into BENCHMARKS.md, keeping whatever else the file holds. */
export function writeBenchmarksMd(r: Results, file: string): void {
  writeSection(file, 'engine', markdownSection(r));
}
