import { spawn } from 'node:child_process';

/** The timings of one measured thing, in milliseconds. */
export interface Sample {
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function sample(runs: readonly number[]): Sample {
  if (runs.length === 0) throw new Error('sample(): no runs');
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Collects a full garbage before a timed run when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs `subjects` round-robin — warmup rounds first (discarded), then `iterations` timed rounds —
 * so that drift on the machine (other load, CPU frequency) hits every subject alike. Each
 * subject returns its named phase timings for the run; the sum of phases is the subject's total.
 */
export async function roundRobin<K extends string>(
  subjects: Readonly<Record<K, () => Promise<Record<string, number>> | Record<string, number>>>,
  options: { readonly warmup: number; readonly iterations: number; readonly onRound?: (round: number, total: number) => void },
): Promise<Record<K, Record<string, Sample>>> {
  const names = Object.keys(subjects) as K[];
  const phases = new Map<K, Map<string, number[]>>(names.map((name) => [name, new Map()]));
  const rounds = options.warmup + options.iterations;
  for (let round = 0; round < rounds; round++) {
    options.onRound?.(round, rounds);
    for (const name of names) {
      collectGarbage();
      const timings = await subjects[name]();
      if (round < options.warmup) continue;
      const byPhase = phases.get(name)!;
      for (const [phase, ms] of Object.entries(timings)) byPhase.set(phase, [...(byPhase.get(phase) ?? []), ms]);
    }
  }
  const result = {} as Record<K, Record<string, Sample>>;
  for (const name of names) {
    result[name] = Object.fromEntries([...phases.get(name)!].map(([phase, runs]) => [phase, sample(runs)]));
  }
  return result;
}

/** Milliseconds `fn` takes, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export interface ProcessRun {
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Wall time of a whole process, from spawn to exit (what a person waiting on the command sees).
 * A non-zero exit code throws with the process's output.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      if (code === 0) return resolve({ ms, stdout, stderr });
      reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited with ${code ?? signal}\n${stdout}${stderr}`));
    });
  });
}
