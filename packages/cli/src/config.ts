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

/**
 * What `typestep push --stage NAME` deploys with: the values of the workflows' `${Placeholder}`s
 * (like SAM's DefinitionSubstitutions) and the role new state machines run as.
 */
export interface StageConfig {
  readonly roleArn?: string;
  readonly substitutions: Readonly<Record<string, string>>;
}

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
  /** Deployment stages by name (`"stages": { "prod": { … } }`); empty when the config has none. */
  readonly stages: Readonly<Record<string, StageConfig>>;
}

/**
 * Reads `typestep.config.json` at the project root:
 * `{ "workflows": ["examples/**\/*.workflow.ts"], "outDir": "out/asl", "stages": { … } }` (all optional).
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
      return { root, file: undefined, workflows: CONVENTION.workflows, ignore: CONVENTION.ignore, outDir: CONVENTION.outDir, stages: {} };
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

const KNOWN_FIELDS = ['workflows', 'outDir', 'stages', '$schema'];

function parseConfig(raw: unknown, file: string): Pick<ProjectConfig, 'workflows' | 'ignore' | 'outDir' | 'stages'> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${file}: expected an object like { "workflows": ["**/*.workflow.ts"], "outDir": "out/asl" }`);
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KNOWN_FIELDS.includes(key)) {
      throw new UsageError(`${file}: unknown field "${key}" (known fields: "workflows", "outDir", "stages")`);
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
  return { workflows: workflows as string[], ignore: ['**/node_modules/**'], outDir, stages: parseStages(config['stages'] ?? {}, file) };
}

const STAGE_EXAMPLE = '"stages": { "prod": { "roleArn": "arn:aws:iam::123456789012:role/MyRole", "substitutions": { "TableName": "orders" } } }';

function parseStages(raw: unknown, file: string): Record<string, StageConfig> {
  if (!isObject(raw)) throw new UsageError(`${file}: "stages" must be an object of stages by name, e.g. ${STAGE_EXAMPLE}`);
  const stages: Record<string, StageConfig> = {};
  for (const [name, stage] of Object.entries(raw)) {
    const at = (path = '') => `${file}: "stages.${name}${path}"`;
    if (!isObject(stage)) throw new UsageError(`${at()} must be an object, e.g. ${STAGE_EXAMPLE}`);
    for (const key of Object.keys(stage)) {
      if (key !== 'roleArn' && key !== 'substitutions') throw new UsageError(`${at()} has an unknown field "${key}" (known fields: "roleArn", "substitutions")`);
    }
    const { roleArn, substitutions = {} } = stage;
    if (roleArn !== undefined && (typeof roleArn !== 'string' || roleArn === '')) throw new UsageError(`${at('.roleArn')} must be an IAM role ARN (a string)`);
    if (!isObject(substitutions)) throw new UsageError(`${at('.substitutions')} must be an object of placeholder values, e.g. { "TableName": "orders" }`);
    for (const [placeholder, value] of Object.entries(substitutions)) {
      if (typeof value !== 'string') throw new UsageError(`${at(`.substitutions.${placeholder}`)} must be a string, not ${JSON.stringify(value)}`);
    }
    stages[name] = { ...(roleArn !== undefined && { roleArn }), substitutions: substitutions as Record<string, string> };
  }
  return stages;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
