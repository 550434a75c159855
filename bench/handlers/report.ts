import type { Machine } from '../compile/machine.js';
import type { Sample } from '../compile/measure.js';
import { machineTable, mdTable, sectionMarkers, writeSection } from '../markdown.js';

export interface UsageRun {
  readonly objects: number;
  readonly mode: 'handler' | 'collect-all';
  /** How long putting the objects into fauxqs took (setup, not measured against anything). */
  readonly fillMs: number;
  readonly time: Sample;
  readonly peakHeapBytes: number;
  /** Peak heap less the heap before the listing (after a full GC): what the listing itself held. */
  readonly heapGrowthBytes: number;
  readonly maxRssBytes: number;
}

export interface HandlerResults {
  readonly date: string;
  readonly command: string;
  readonly quick: boolean;
  readonly machine: Machine;
  readonly loadAverageAtEnd: number;
  readonly versions: Readonly<Record<string, string>>;
  readonly settings: { readonly image: { readonly warmup: number; readonly iterations: number }; readonly usage: { readonly iterations: number } };
  readonly input: { readonly width: number; readonly height: number; readonly bytes: number };
  /** Per operation (by state name) and `total`, for the handler and bare sharp; ratio = handler / bare, total medians. */
  readonly image: { readonly handler: Record<string, Sample>; readonly bare: Record<string, Sample>; readonly ratio: number };
  readonly operations: readonly string[];
  readonly usage: readonly UsageRun[];
  readonly checks: readonly string[];
}

const [START, END] = sectionMarkers('handlers');

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const count = (n: number) => n.toLocaleString('en-US');
const MODE = { handler: 'list-objects (streaming, page by page)', 'collect-all': 'collect every object, then sum (the alternative)' } as const;

function imageRows(r: HandlerResults): string[][] {
  return [...r.operations, 'total'].map((phase) => {
    const handler = r.image.handler[phase]!;
    const bare = r.image.bare[phase]!;
    const label = phase === 'total' ? '**all seven**' : phase;
    return [label, ms(handler.median), ms(bare.median), `${(handler.median / bare.median).toFixed(2)}×`, `${ms(handler.min)}–${ms(handler.max)}`, `${ms(bare.min)}–${ms(bare.max)}`];
  });
}

function usageRows(r: HandlerResults): string[][] {
  return r.usage.map((u) => [count(u.objects), MODE[u.mode], ms(u.time.median), `${ms(u.time.min)}–${ms(u.time.max)}`, mib(u.heapGrowthBytes), mib(u.peakHeapBytes), mib(u.maxRssBytes)]);
}

function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(r: HandlerResults): void {
  const out = ['', `bench/handlers — ${r.date} — ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memory}, node ${r.machine.node}`, ''];
  out.push(textTable(['operation (ms, median)', 'handler', 'bare sharp', 'ratio', 'handler range', 'bare range'], imageRows(r)), '');
  out.push(textTable(['objects', 'how', 'ms', 'range', 'heap growth', 'peak heap', 'peak RSS'], usageRows(r)), '');
  process.stdout.write(`${out.join('\n')}\n`);
}


export function markdownSection(r: HandlerResults): string {
  const lines = [START, '', '## bench/handlers — the runtime handlers against bare sharp and a collect-everything listing', ''];
  lines.push(`Written by \`${r.command}\` (bench/handlers/run.ts) on ${r.date}. Every number below comes from that one run.`, '');
  lines.push(
    machineTable(r.machine, r.loadAverageAtEnd, r.versions),
    '',
  );
  lines.push(`### Image handler vs bare sharp: seed 000's seven operations on a ${r.input.width}×${r.input.height} JPEG (ms)`, '');
  lines.push(
    `Overhead ratio, all seven operations (median handler / median bare sharp): **${r.image.ratio.toFixed(2)}×**. ${r.settings.image.warmup} warmup + ${r.settings.image.iterations} measured rounds, handler and bare sharp alternating; the input is ${mib(r.input.bytes)}.`,
    '',
  );
  lines.push(mdTable(['operation', 'handler', 'bare sharp', 'ratio', 'handler min–max', 'bare min–max'], ['l', 'r', 'r', 'r', 'r', 'r'], imageRows(r)), '');
  lines.push(
    '- **handler**: `imageHandler(event)` with the seed\'s own Parameters: validates the event against its zod contract, reads the object from S3 (fauxqs, in this process, over HTTP on the loopback), reads the header (real format, pixel limit), decodes with `failOn: "warning"`, `limitInputPixels` and a time limit, renders, and writes the result back to S3.',
    '- **bare sharp**: the same resize, mask and encode calls on the bytes already in memory, with sharp\'s default options, nothing read or written.',
    '',
  );
  lines.push('### Usage report: summing a bucket by extension, peak memory', '');
  lines.push(
    mdTable(['objects', 'how', 'ms (median)', 'min–max', 'heap growth', 'peak heap', 'peak RSS'], ['r', 'l', 'r', 'r', 'r', 'r', 'r'], usageRows(r)),
    '',
  );
  lines.push(
    `- Each listing runs in a process of its own (${r.settings.usage.iterations} run(s) each, the largest peak kept), against fauxqs in the bench process: ListObjectsV2 pages of 1,000 keys. Peak heap is \`process.memoryUsage().heapUsed\` sampled every 2 ms; heap growth is the peak less the heap after a full GC just before the listing, what the listing itself held; peak RSS is \`process.resourceUsage().maxRSS\` (it includes the process's baseline: node, the AWS SDK and sharp loaded by the handlers module).`,
    `- Putting the objects into fauxqs (setup, 64 PutObject calls in flight): ${r.usage.filter((u) => u.mode === 'handler').map((u) => `${count(u.objects)} in ${ms(u.fillMs)} ms`).join(', ')}.`,
    '',
  );
  lines.push('Checked in this run (the bench exits non-zero when one fails):', '', ...r.checks.map((c) => `- ${c}`), '', END);
  return lines.join('\n');
}

/** Writes the bench/handlers section into BENCHMARKS.md, keeping whatever else the file holds. */
export function writeHandlersSection(r: HandlerResults, file: string): string {
  return writeSection(file, 'handlers', markdownSection(r));
}
