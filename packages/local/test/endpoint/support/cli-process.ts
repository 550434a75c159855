import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { REPO } from './endpoint.js';

/** `typestep` run from its TypeScript sources (as the workspace's tests run every package). */
const TYPESTEP = ['--import', 'tsx', '--conditions', 'typestep-source', join(REPO, 'packages/cli/src/main.ts')];

export interface TypestepProcess {
  readonly child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal that ended the process). */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/** Starts `typestep …args` as its own process (in the repository, with extra node flags and environment variables if given). */
export function typestep(args: readonly string[], options: { nodeArgs?: readonly string[]; env?: Record<string, string> } = {}): TypestepProcess {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...TYPESTEP, ...args], {
    cwd: REPO,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (err += text));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | NodeJS.Signals);
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * Starts `typestep local …args` and resolves with its endpoint URL once it prints it. Rejects with
 * the process's output if it ends first.
 */
export async function typestepLocal(args: readonly string[]): Promise<TypestepProcess & { url: string }> {
  const process = typestep(['local', '--port', '0', ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Step Functions endpoint at (http:\/\/\S+)/.exec(process.stdout());
      if (match) resolve(match[1]!);
    };
    process.child.stdout!.on('data', check);
    void process.exited.then((code) => reject(new Error(`typestep local ended (${code}) before printing its URL:\n${process.stdout()}${process.stderr()}`)));
  });
  return { ...process, url };
}
