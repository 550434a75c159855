import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The list of files the last successful build wrote, kept in the output folder so that a later
 * build can remove what it no longer produces (a renamed or deleted workflow) and a failed build
 * can remove everything it would have replaced: the folder never holds an asl.json that does not
 * match the current sources.
 */
export const MANIFEST = '.typestep-build.json';

export interface OutputFile {
  /** File name inside the output folder, e.g. `StockTrader.asl.json`. */
  readonly name: string;
  readonly text: string;
}

/**
 * Writes every file (each through a temporary file and a rename, so no reader sees half a file),
 * removes the files of the previous build that this one did not produce, and records the new list.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<{ removed: string[] }> {
  await mkdir(outDir, { recursive: true });
  const previous = await readManifest(outDir);
  for (const file of files) {
    const target = join(outDir, file.name);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, file.text);
    await rename(temporary, target);
  }
  const produced = new Set(files.map((file) => file.name));
  const removed = previous.filter((name) => !produced.has(name));
  await removeFiles(outDir, removed);
  await writeFile(join(outDir, MANIFEST), `${JSON.stringify({ files: [...produced].sort() }, null, 2)}\n`);
  return { removed };
}

/**
 * After a failed build: removes the previous build's files and any output of the workflows named
 * now, so nothing stale looks fresh. Returns the names actually removed.
 */
export async function removeOutputs(outDir: string, names: readonly string[]): Promise<string[]> {
  const previous = await readManifest(outDir);
  const candidates = [...new Set([...previous, ...names])].sort();
  const removed = await removeFiles(outDir, candidates);
  await rm(join(outDir, MANIFEST), { force: true });
  return removed;
}

async function readManifest(outDir: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter(isPlainFileName) : [];
  } catch {
    return [];
  }
}

/** Only plain file names from the manifest: never a path that leaves the output folder. */
function isPlainFileName(value: unknown): value is string {
  return typeof value === 'string' && /^[^/\\]+\.json$/.test(value) && !value.startsWith('.');
}

async function removeFiles(outDir: string, names: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const name of names) {
    try {
      await rm(join(outDir, name));
      removed.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
