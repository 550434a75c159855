import type { Machine } from './machine.js';
import type { Sample } from './measure.js';
import type { Hotspot, ProfileSummary } from './profile.js';
import { machineTable, mdTable, sectionMarkers, writeSection } from '../markdown.js';

/** The targets from the issue ("Done when"). */
export const TARGETS = {
  /** 10,000 states built, validated and emitted in-process. */
  inProcess10kMs: 300,
  /** t(20,000 states) / t(10,000 states). */
  linearity: 2.3,
  /** CDK synth process / `typestep build` process. */
  processSpeedup: 5,
} as const;

export interface GeneratedShape {
  readonly states: number;
  readonly blocks: Readonly<Record<string, number>>;
  readonly minifiedBytes: number;
  readonly aslJsonBytes: number;
  /** build, compile, text, total (= build + compile + text); validate, stringify, totalStringify are breakdowns. */
  phases: Record<string, Sample>;
}

export interface Results {
  readonly date: string;
  readonly command: string;
  readonly quick: boolean;
  readonly machine: Machine;
  readonly loadAverageAtEnd: number;
  readonly versions: Readonly<Record<string, string>>;
  readonly settings: Readonly<
    Record<'generated' | 'seedInProcess' | 'processes', { readonly warmup: number; readonly iterations: number }>
  >;
  readonly generated: Record<number, GeneratedShape>;
  readonly seedInProcess: {
    readonly typestep: Sample;
    readonly typestepCompile: Sample;
    readonly typestepText: Sample;
    readonly cdk: Sample;
    readonly cdkFirstMs: number;
  };
  readonly processes: {
    readonly typestep: Sample;
    readonly cdkJs: Sample;
    readonly cdkTs: Sample;
    readonly typestepVersion: Sample;
    readonly node: Sample;
  };
  readonly ratios: { readonly linearity: number; readonly process: number; readonly processTs: number; readonly inProcess: number };
  readonly checks: readonly string[];
  /** The 10,000-state in-process run, profiled when its target is missed (or with --profile). */
  profile: ProfileSummary | undefined;
  /** The `typestep build` process, profiled when the process target is missed (or with --profile). */
  readonly buildProfile: ProfileSummary | undefined;
}

interface Target {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

function targets(r: Results): Target[] {
  const t10k = r.generated[10_000]!.phases['total']!.median;
  return [
    {
      what: '10,000 states built (DSL), validated and emitted (ASL object + asl.json text), in-process',
      target: `< ${TARGETS.inProcess10kMs} ms`,
      measured: `${ms(t10k)} ms`,
      met: t10k < TARGETS.inProcess10kMs,
    },
    {
      what: 'cost linear in size: t(20,000 states) / t(10,000 states)',
      target: `≤ ${TARGETS.linearity}`,
      measured: r.ratios.linearity.toFixed(2),
      met: r.ratios.linearity <= TARGETS.linearity,
    },
    {
      what: 'seed 000, whole process: CDK synth (`node app.js`) / `typestep build`',
      target: `≥ ${TARGETS.processSpeedup}×`,
      measured: `${r.ratios.process.toFixed(1)}×`,
      met: r.ratios.process >= TARGETS.processSpeedup,
    },
  ];
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const stat = (s: Sample) => [ms(s.median), ms(s.min), ms(s.max), String(s.runs.length)];

// ── console ──────────────────────────────────────────────────────────────────────────────

function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(r: Results): void {
  const out: string[] = [];
  out.push('', `bench/compile — ${r.date} — ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memory}, node ${r.machine.node}`, '');
  out.push(
    textTable(
      ['measurement (ms)', 'median', 'min', 'max', 'runs'],
      measurementRows(r).map(([label, s]) => [label, ...stat(s)]),
    ),
  );
  out.push(
    '',
    textTable(
      ['target', 'goal', 'measured', ''],
      targets(r).map((t) => [t.what, t.target, t.measured, t.met ? 'met' : 'MISSED']),
    ),
  );
  out.push(
    '',
    `ratios: CDK/typestep whole process ${r.ratios.process.toFixed(1)}× (CDK app run as TypeScript: ${r.ratios.processTs.toFixed(1)}×), in-process ${r.ratios.inProcess.toFixed(1)}×`,
  );
  for (const [title, p] of [
    ['the 10,000-state in-process run', r.profile],
    ['one `typestep build` process', r.buildProfile],
  ] as const) {
    if (!p) continue;
    out.push('', `profile of ${title} (${ms(p.totalMs)} ms sampled; ${p.file}):`);
    out.push(
      textTable(
        ['self time by area', 'ms', 'share'],
        p.areas.slice(0, 8).map((h) => [h.what, ms(h.ms), pct(h.share)]),
      ),
    );
    out.push(
      '',
      textTable(
        ['repository function, inclusive', 'where', 'ms', 'share'],
        p.inclusive.slice(0, 12).map((h) => [h.what, h.where, ms(h.ms), pct(h.share)]),
      ),
    );
    if (p.rules.length > 0)
      out.push(
        '',
        textTable(
          ['validator rule, inclusive', 'where', 'ms', 'share'],
          p.rules.slice(0, 8).map((h) => [h.what, h.where, ms(h.ms), pct(h.share)]),
        ),
      );
    out.push(
      '',
      textTable(
        ['function, self', 'where', 'ms', 'share'],
        p.self.slice(0, 10).map((h) => [h.what, h.where, ms(h.ms), pct(h.share)]),
      ),
    );
    out.push(
      '',
      textTable(
        ['repository line', 'where', 'ms', 'share'],
        p.lines.slice(0, 8).map((h) => [h.what, h.where, ms(h.ms), pct(h.share)]),
      ),
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function measurementRows(r: Results): [string, Sample][] {
  const rows: [string, Sample][] = [];
  for (const shape of Object.values(r.generated)) {
    const p = shape.phases;
    const n = shape.states.toLocaleString('en-US');
    rows.push(
      [`${n} states: DSL build`, p['build']!],
      [`${n} states: compile() (emit + validate)`, p['compile']!],
      [`${n} states: asl.json text (formatDefinition: prettier-compatible printer)`, p['text']!],
      [`${n} states: TOTAL build + compile + text`, p['total']!],
      [`${n} states: (validateDefinition alone)`, p['validate']!],
      [`${n} states: (total with JSON.stringify instead of formatDefinition)`, p['totalStringify']!],
    );
  }
  rows.push(
    ['seed 000 in-process: typestep compile() + output text', r.seedInProcess.typestep],
    ['seed 000 in-process: CDK App + Stack + StateMachine, synth()', r.seedInProcess.cdk],
    ['seed 000 process: typestep build', r.processes.typestep],
    ['seed 000 process: CDK app as JS (node app.js)', r.processes.cdkJs],
    ['seed 000 process: CDK app as TS (node --import tsx app.ts)', r.processes.cdkTs],
    ['process floor: typestep --version', r.processes.typestepVersion],
    ['process floor: node -e 0', r.processes.node],
  );
  return rows;
}

// ── BENCHMARKS.md ────────────────────────────────────────────────────────────────────────

const [START, END] = sectionMarkers('compile');


const code = (text: string) => `\`${text}\``;

function hotspotRows(hotspots: readonly Hotspot[], withWhere: boolean): string[][] {
  return hotspots.map((h) =>
    withWhere ? [code(h.what), h.where ? code(h.where) : '', ms(h.ms), pct(h.share)] : [h.what, ms(h.ms), pct(h.share)],
  );
}

function profileTables(p: ProfileSummary): string[] {
  return [
    `${ms(p.totalMs)} ms sampled; profile saved to \`${p.file.replace(/^.*\/bench\//, 'bench/')}\`. Positions are mapped back to the TypeScript sources through the packages' source maps.`,
    '',
    mdTable(['self time by area', 'ms', 'share'], ['l', 'r', 'r'], hotspotRows(p.areas.slice(0, 8), false)),
    '',
    mdTable(
      ['repository function (inclusive time)', 'where', 'ms', 'share'],
      ['l', 'l', 'r', 'r'],
      hotspotRows(p.inclusive.slice(0, 15), true),
    ),
    '',
    ...(p.rules.length > 0
      ? [
          mdTable(
            ['validator rule (inclusive time)', 'where', 'ms', 'share'],
            ['l', 'l', 'r', 'r'],
            hotspotRows(p.rules.slice(0, 10), true),
          ),
          '',
        ]
      : []),
    mdTable(
      ['function (self time, dependencies included)', 'where', 'ms', 'share'],
      ['l', 'l', 'r', 'r'],
      hotspotRows(p.self.slice(0, 10), true),
    ),
    '',
    mdTable(['repository function (self time)', 'where', 'ms', 'share'], ['l', 'l', 'r', 'r'], hotspotRows(p.ownSelf.slice(0, 12), true)),
    '',
    mdTable(['repository hot line', 'where', 'ms', 'share'], ['l', 'l', 'r', 'r'], hotspotRows(p.lines.slice(0, 10), true)),
    '',
  ];
}

export function markdownSection(r: Results): string {
  const s = r.settings;
  const lines: string[] = [];
  lines.push(START, '', '## bench/compile — the compiler, and the seed-000 pipeline against aws-cdk-lib', '');
  lines.push(`Written by ${code(r.command)} (bench/compile/run.ts) on ${r.date}. Every number below comes from that one run.`, '');
  lines.push(
    machineTable(r.machine, r.loadAverageAtEnd, r.versions),
    '',
  );

  lines.push('### Targets', '');
  lines.push(
    mdTable(
      ['target', 'goal', 'measured (median)', 'met'],
      ['l', 'r', 'r', 'l'],
      targets(r).map((t) => [t.what, t.target, t.measured, t.met ? 'yes' : '**no**']),
    ),
    '',
  );
  lines.push(
    `Other ratios: the CDK app run as TypeScript (\`node --import tsx app.ts\`, as \`cdk.json\` apps written in TypeScript run) takes ${r.ratios.processTs.toFixed(1)}× as long as \`typestep build\`; in-process, CDK's build + synth takes ${r.ratios.inProcess.toFixed(1)}× as long as typestep's compile + output text.`,
    '',
  );

  lines.push(
    `### Generated workflows, in-process (ms; ${s.generated.warmup} warmup + ${s.generated.iterations} measured rounds, sizes alternating)`,
    '',
  );
  const gen: string[][] = [];
  for (const shape of Object.values(r.generated)) {
    const n = shape.states.toLocaleString('en-US');
    const p = shape.phases;
    const row = (label: string, sample: Sample, bold = false) => {
      const cells = [`${n} states`, label, ...stat(sample)];
      return bold ? cells.map((c, i) => (i >= 1 && i <= 2 ? `**${c}**` : c)) : cells;
    };
    gen.push(
      row('DSL build (`workflow(…)` chain of builder calls)', p['build']!),
      row('`compile()`: IR → ASL object, validation', p['compile']!),
      row('asl.json + substitutions.json text (`formatDefinition`, the prettier-compatible printer — what `typestep build` writes)', p['text']!),
      row('total: build + compile + text', p['total']!, true),
      row('breakdown: `validateDefinition` alone (part of `compile()`)', p['validate']!),
      row('for comparison: total with `JSON.stringify(def, null, 2)` instead of `formatDefinition`', p['totalStringify']!),
    );
  }
  lines.push(mdTable(['workflow', 'phase', 'median', 'min', 'max', 'runs'], ['l', 'l', 'r', 'r', 'r', 'r'], gen), '');
  const shapeRows = Object.values(r.generated).map((g) => [
    g.states.toLocaleString('en-US'),
    Object.entries(g.blocks)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', '),
    kb(g.minifiedBytes),
    kb(g.aslJsonBytes),
  ]);
  lines.push(
    'The generator (bench/compile/generate.ts) loops over a fixed pattern of blocks, each built with the DSL: Tasks (some with Retry, some with a Catch handler chain ending in Fail), Passes, Choices whose three branches converge on the next block, poll loops (Wait → Task → Choice jumping back to the Wait), a Parallel of two branches and an inline Map now and then, and a final Succeed. Every State object counts, nested ones included.',
    '',
    mdTable(['states', 'blocks', 'ASL, minified', 'asl.json (formatted)'], ['r', 'l', 'r', 'r'], shapeRows),
    '',
  );

  lines.push(`### Seed 000 image pipeline: typestep vs aws-cdk-lib (ms)`, '');
  lines.push(
    mdTable(
      ['what', 'median', 'min', 'max', 'runs'],
      ['l', 'r', 'r', 'r', 'r'],
      [
        ['in-process, typestep: `compile()` + asl.json and substitutions.json text', ...stat(r.seedInProcess.typestep)],
        ['… of which `compile()`', ...stat(r.seedInProcess.typestepCompile)],
        ['… of which the text (`formatDefinition`)', ...stat(r.seedInProcess.typestepText)],
        ['in-process, aws-cdk-lib: `new App` + Stack + StateMachine + `app.synth()` (writes cdk.out)', ...stat(r.seedInProcess.cdk)],
        ['in-process, aws-cdk-lib: first synth in the process (loads aws-cdk-lib)', ms(r.seedInProcess.cdkFirstMs), '', '', '1'],
        ['whole process, `typestep build --project <tmp>` (node packages/cli/bin/typestep.js)', ...stat(r.processes.typestep)],
        ['whole process, CDK app as JavaScript (`node cdk-app.mjs`, what `cdk synth` runs)', ...stat(r.processes.cdkJs)],
        ['whole process, CDK app as TypeScript (`node --import tsx cdk-app.ts`)', ...stat(r.processes.cdkTs)],
        ['for reference: `typestep --version` (the CLI starting, no build)', ...stat(r.processes.typestepVersion)],
        ['for reference: starting node alone (`node -e 0`)', ...stat(r.processes.node)],
      ],
    ),
    '',
  );
  lines.push(
    `In-process: ${s.seedInProcess.warmup} warmup + ${s.seedInProcess.iterations} measured rounds. Processes: ${s.processes.warmup} warmup + ${s.processes.iterations} measured rounds, the five commands alternating.`,
    '',
  );

  lines.push('### How it is measured', '');
  lines.push(
    ...[
      'In-process timings are `performance.now()` around each phase, after a forced GC (`--expose-gc`); warmup rounds are discarded and the subjects run round-robin so that drift on the machine hits them alike. The packages run from their `dist/` build (the bench script runs `tsc -b` first), as `typestep build` does.',
      "The 10,000-state workflow must compile with no diagnostics (the bench fails otherwise); it is about 0.9 MB of compact JSON, inside Step Functions' 1 MB quota. 20,000 states cannot fit in 1 MB with any realistic mix of states, so that run, there only to show the cost is linear, may carry exactly one diagnostic: STEP202, definition over 1 MB (every rule still runs). Both must have exactly that many states.",
      'Process timings are wall time from spawn to exit. `typestep build` runs on a temporary project holding only image-pipeline.workflow.ts, a `typestep.config.json` and a link to node_modules; its asl.json is checked deep-equal to ../shared/reference-asl/000-1.asl.json.',
      'The CDK app (bench/compile/cdk-app.ts) writes the seven states as `tasks.LambdaInvoke` with `payloadResponseOnly: true` and `retryOnServiceExceptions: false` — the construct whose ASL is closest to the seed\'s (`"Resource": <function ARN>`, the payload as `Parameters`, no Retry) — on a function imported with `lambda.Function.fromFunctionArn`, in a Stack with `new sfn.StateMachine(…, { definitionBody: sfn.DefinitionBody.fromChainable(chain) })`. Its rendered DefinitionString is checked deep-equal to the reference with `${LambdaFunction}` replaced by the ARN. The headline ratio uses the app compiled to JavaScript and run with plain `node` (no `cdk` CLI around it), the fastest way to run a CDK app.',
      'Benchmarks never run in `pnpm test`, and no test asserts on wall-clock time.',
    ].map((line) => `- ${line}`),
    '',
  );

  lines.push('Checked in this run (the bench exits non-zero when one fails):', '', ...r.checks.map((check) => `- ${check}`), '');

  if (r.profile) {
    lines.push(
      '### Where the time goes: profile of the 10,000-state in-process run',
      '',
      `Five rounds of build + compile + text, profiled in-process with the inspector (the same \`.cpuprofile\` \`node --cpu-prof\` writes; open it in Chrome DevTools).`,
      '',
      ...profileTables(r.profile),
    );
  }
  if (r.buildProfile) {
    lines.push(
      '### Where the time goes: profile of one `typestep build` process',
      '',
      "`node --cpu-prof packages/cli/bin/typestep.js build` on the seed-000 project, main thread (tsx compiles the workflow module on a loader-hooks worker thread; the main thread's wait for it shows as `waitForWorker` / `(idle)`).",
      '',
      ...profileTables(r.buildProfile),
    );
  }
  lines.push(END);
  return lines.join('\n');
}

/** Writes the bench/compile section into BENCHMARKS.md, keeping whatever else the file holds. */
export function writeBenchmarksMd(r: Results, file: string): string {
  return writeSection(file, 'compile', markdownSection(r));
}
