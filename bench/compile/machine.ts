import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memory: string;
  readonly node: string;
  readonly os: string;
  /** 1-minute load average when the bench started (other work on the machine skews the numbers). */
  readonly loadAverage: number;
}

/** What the numbers were measured on: `nproc`, the CPU model from /proc/cpuinfo, memory, node. */
export function describeMachine(): Machine {
  return {
    cpus: nproc(),
    cpuModel: cpuModel(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg()[0]!,
  };
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // not Linux: fall back to what node reports
  }
  return os.cpus()[0]?.model ?? 'unknown';
}
