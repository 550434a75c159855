import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '@typestep/cli';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The seed state machines, read in place. */
export const REFERENCE_ASL = resolve(REPO, '../shared/reference-asl');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `typestep …argv` in-process in `cwd`.
 *
 * vitest replaces `Error.prepareStackTrace` with its own, which source-maps only the modules vite
 * transformed. The workflow modules the CLI loads go through tsx instead, and their builder calls'
 * places (file:line in diagnostics) come from Node's own source-map support, as in a real
 * `typestep` process: so vitest's override is lifted while the command runs.
 */
export async function runCli(argv: readonly string[], cwd: string = REPO): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const vitestPrepareStackTrace = Error.prepareStackTrace;
  Reflect.deleteProperty(Error, 'prepareStackTrace');
  try {
    const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd });
    return { code, stdout, stderr };
  } finally {
    Error.prepareStackTrace = vitestPrepareStackTrace;
  }
}

/** A fresh temporary folder; removed by `cleanup()`. */
export async function tempDir(prefix = 'typestep-cli-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

const created: string[] = [];

export async function cleanup(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * A throwaway project outside the workspace: the given files, and `node_modules/@typestep/dsl`
 * (and zod) linked to the workspace's copies so the workflow modules can import them.
 */
export async function tempProject(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await tempDir('typestep-project-');
  await mkdir(join(root, 'node_modules/@typestep'), { recursive: true });
  await symlink(join(REPO, 'packages/dsl'), join(root, 'node_modules/@typestep/dsl'), 'dir');
  await symlink(realpathSync(join(REPO, 'examples/node_modules/zod')), join(root, 'node_modules/zod'), 'dir');
  await writeFile(join(root, 'package.json'), `${JSON.stringify({ name: 'fixture', private: true, type: 'module' })}\n`);
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
}

/** The line (1-based) of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the fixture`);
  return index + 1;
}
