import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './compile/machine.js';

/**
 * What every benchmark's section of BENCHMARKS.md shares: Markdown tables, the table of the machine
 * the numbers come from, and writing one section between its markers while keeping the others.
 */

export function mdTable(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The machine a run was measured on, its load at both ends, and the versions compared. */
export function machineTable(machine: Machine, loadAverageAtEnd: number, versions: Readonly<Record<string, string>>): string {
  return mdTable(
    ['machine', ''],
    ['l', 'l'],
    [
      ['CPUs (`nproc`)', String(machine.cpus)],
      ['CPU model (/proc/cpuinfo)', machine.cpuModel],
      ['memory', machine.memory],
      ['node', machine.node],
      ['OS', machine.os],
      ['load average (1 min) at start / end', `${machine.loadAverage.toFixed(2)} / ${loadAverageAtEnd.toFixed(2)}`],
      ['versions', Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')],
    ],
  );
}

const PREAMBLE =
  '# Benchmarks\n\nEach section is written by a benchmark in bench/ (run with `pnpm bench`) and holds the numbers of its last run, with the machine they were measured on. Ratios compare with the alternatives measured in the same run.\n';

/** Replaces the section between `<!-- bench:NAME:start -->` and `…:end -->` (appends it when absent). */
export function writeSection(file: string, name: string, section: string): string {
  const [start, end] = sectionMarkers(name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : PREAMBLE;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const text = from >= 0 && to > from ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  return file;
}

export const sectionMarkers = (name: string): readonly [string, string] => [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
