import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './exit-codes.js';

export const CONFIG_FILE = 'typestep.config.json';

/** The naming convention used when a project has no config file. */
export const CONVENTION = {
  workflows: ['**/*.workflow.ts'],
  ignore: ['**/node_modules/**', '**/dist/**', '**/out/**'],
  outDir: 'out/asl',
} as const;

/** What `typestep build` works from: the project's workflows and where their ASL goes. */
export interface ProjectConfig {
  /** The project root; patterns and outDir are relative to it. */
  readonly root: string;
  /** The config file, or undefined when the naming convention applies. */
  readonly file: string | undefined;
  /** Glob patterns of workflow modules. */
  readonly workflows: readonly string[];
  /** Glob patterns never searched. */
  readonly ignore: readonly string[];
  readonly outDir: string;
}

/**
 * Reads `typestep.config.json` at the project root:
 * `{ "workflows": ["examples/**\/*.workflow.ts"], "outDir": "out/asl" }` (both optional).
 * Without the file, every `**\/*.workflow.ts` outside node_modules, dist and out is a workflow
 * module and the output goes to `out/asl`.
 */
export async function loadConfig(root: string): Promise<ProjectConfig> {
  const file = join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { root, file: undefined, workflows: CONVENTION.workflows, ignore: CONVENTION.ignore, outDir: CONVENTION.outDir };
    }
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return { root, file, ...parseConfig(raw, file) };
}

function parseConfig(raw: unknown, file: string): Pick<ProjectConfig, 'workflows' | 'ignore' | 'outDir'> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${file}: expected an object like { "workflows": ["**/*.workflow.ts"], "outDir": "out/asl" }`);
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (key !== 'workflows' && key !== 'outDir' && key !== '$schema') {
      throw new UsageError(`${file}: unknown field "${key}" (known fields: "workflows", "outDir")`);
    }
  }
  const workflows = config['workflows'] ?? CONVENTION.workflows;
  if (!Array.isArray(workflows) || workflows.length === 0 || !workflows.every((p) => typeof p === 'string' && p !== '')) {
    throw new UsageError(`${file}: "workflows" must be a non-empty array of glob patterns`);
  }
  const outDir = config['outDir'] ?? CONVENTION.outDir;
  if (typeof outDir !== 'string' || outDir === '') {
    throw new UsageError(`${file}: "outDir" must be a non-empty string`);
  }
  // A config lists its patterns on purpose; only dependencies are never searched.
  return { workflows: workflows as string[], ignore: ['**/node_modules/**'], outDir };
}
