import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { SubstitutionsMap } from '@typestep/compiler';
import { build } from '../commands/build.js';
import type { ProjectConfig } from '../config.js';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { MANIFEST } from '../output.js';
import { displayPath } from '../report.js';
import { placeholdersOf } from './substitutions.js';

/** A definition to push, with the placeholders it needs. */
export interface PushableWorkflow {
  /** The state machine's name. */
  readonly name: string;
  /** The ASL text as built (or as written, for an asl.json given on the command line). */
  readonly definition: string;
  readonly substitutions: SubstitutionsMap;
  /** The file it was read from, for messages. */
  readonly file: string;
}

/**
 * What `typestep push [WORKFLOW…]` pushes. A WORKFLOW ending in `.json` is an ASL file pushed as
 * it is (named after the file: `Orders.asl.json` → "Orders"; its placeholders from a
 * `Orders.substitutions.json` next to it, else from its text). Any other WORKFLOW is a workflow
 * name in the project; the project is then built first, exactly as `typestep build` builds it
 * (its output folder is what is pushed), and with no WORKFLOW at all every workflow is pushed.
 * Resolves to undefined when the build fails: it has reported why.
 */
export async function pushableWorkflows(selection: readonly string[], config: ProjectConfig, out: string | undefined, io: Io): Promise<PushableWorkflow[] | undefined> {
  const files = selection.filter((entry) => entry.endsWith('.json'));
  const names = selection.filter((entry) => !entry.endsWith('.json'));
  const fromFiles = await Promise.all(files.map((file) => readAslFile(resolve(io.cwd, file), io.cwd)));

  let fromProject: PushableWorkflow[] = [];
  if (names.length > 0 || selection.length === 0) {
    const outDir = out !== undefined ? resolve(io.cwd, out) : resolve(config.root, config.outDir);
    const code = await build({ project: config.root, out: outDir, output: 'text' }, { ...io, stdout: () => {} });
    if (code !== 0) return undefined;
    const built = await readBuild(outDir, io.cwd);
    fromProject = names.length === 0 ? built : names.map((name) => pick(built, name));
  }

  const all = [...fromProject, ...fromFiles];
  const seen = new Map<string, PushableWorkflow>();
  for (const workflow of all) {
    const first = seen.get(workflow.name);
    if (first && first.file !== workflow.file) throw new UsageError(`two definitions are named "${workflow.name}": ${first.file} and ${workflow.file}`);
    seen.set(workflow.name, workflow);
  }
  return [...seen.values()];
}

/** The workflows a successful build wrote, from the list it keeps in the output folder. */
async function readBuild(outDir: string, cwd: string): Promise<PushableWorkflow[]> {
  const manifest = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as { files: string[] };
  const names = manifest.files.filter((file) => file.endsWith('.asl.json')).map((file) => file.slice(0, -'.asl.json'.length));
  return Promise.all(
    names.map(async (name) => ({
      name,
      definition: await readFile(join(outDir, `${name}.asl.json`), 'utf8'),
      substitutions: JSON.parse(await readFile(join(outDir, `${name}.substitutions.json`), 'utf8')) as SubstitutionsMap,
      file: displayPath(join(outDir, `${name}.asl.json`), cwd),
    })),
  );
}

function pick(built: readonly PushableWorkflow[], name: string): PushableWorkflow {
  const found = built.find((workflow) => workflow.name === name);
  if (found) return found;
  const known = built.map((workflow) => `"${workflow.name}"`).join(', ');
  throw new UsageError(`the project has no workflow named "${name}" (its workflows: ${known}); to push an ASL file, give its path ending in .json`);
}

async function readAslFile(file: string, cwd: string): Promise<PushableWorkflow> {
  const shown = displayPath(file, cwd);
  let definition: string;
  try {
    definition = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  const name = basename(file).replace(/(\.asl)?\.json$/, '');
  const mapFile = join(dirname(file), `${name}.substitutions.json`);
  let substitutions = placeholdersOf(definition);
  if (existsSync(mapFile)) {
    try {
      substitutions = { ...substitutions, ...(JSON.parse(await readFile(mapFile, 'utf8')) as SubstitutionsMap) };
    } catch (error) {
      throw new UsageError(`cannot read ${displayPath(mapFile, cwd)}: ${(error as Error).message}`);
    }
  }
  return { name, definition, substitutions, file: shown };
}
