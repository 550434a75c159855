import { resolve } from 'node:path';
import type { LoggingConfiguration, LogLevel, StateMachineType } from '@aws-sdk/client-sfn';
import { LOCAL_ROLE_ARN, type AwsOptions } from '../aws/aws-options.js';
import { CommandFailure } from '../aws/errors.js';
import { keyValues } from '../aws/key-value.js';
import type { Connection } from '../aws/client.js';
import { applyPlan, type ApplySettings, type PushResult } from '../aws/push-apply.js';
import { planPush, type DeploySettings, type PushPlan, type ResolvedWorkflow } from '../aws/push-plan.js';
import { pushableWorkflows, type PushableWorkflow } from '../aws/pushable-workflows.js';
import { placeOf } from '../aws/state-machines.js';
import { applySubstitutions, resolveSubstitutions, type SubstitutionSources } from '../aws/substitutions.js';
import { confirm, terminalOf } from '../aws/terminal.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { loadConfig, type ProjectConfig, type StageConfig } from '../config.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { jsonText, plural } from '../report.js';

export interface PushOptions extends AwsOptions {
  readonly project?: string;
  readonly out?: string;
  readonly sub: readonly string[];
  readonly stage?: string;
  readonly roleArn?: string;
  readonly type?: StateMachineType;
  readonly logging?: LogLevel;
  readonly logGroup?: string;
  readonly includeExecutionData?: boolean;
  readonly tracing?: boolean;
  readonly tag: readonly string[];
  readonly publish?: boolean;
  readonly versionDescription?: string;
  readonly alias?: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
}

/**
 * `typestep push [WORKFLOW…]`: builds the project, fills every `${Placeholder}`, and makes each
 * state machine match its workflow: created if missing, updated (after showing the diff, and only
 * with --yes or a yes on the terminal) if different, left alone if the same. Nothing is written
 * until everything has been checked: missing values, the role for new machines, type changes.
 */
export async function push(selection: readonly string[], options: PushOptions, io: Io): Promise<number> {
  const config = await loadConfig(resolve(io.cwd, options.project ?? '.'));
  const stage = stageOf(config, options.stage);
  const settings = deploySettings(options, stage);
  const sources: SubstitutionSources = { flags: keyValues(options.sub, '--sub', 'Name=value'), environment: process.env, stage: stage?.substitutions ?? {} };

  const workflows = await pushableWorkflows(selection, config, options.out, io);
  if (workflows === undefined) {
    io.stderr('typestep push: the project did not build (the problems are listed above); nothing was pushed\n');
    return EXIT_PROBLEMS;
  }
  const resolved = fillPlaceholders(workflows, sources, io);
  if (resolved === undefined) return EXIT_USAGE;

  return withStepFunctions('push', options, io, async (connection) => {
    const plans = await planPush(connection, resolved, settings);
    const createRoleArn = await roleForCreations(plans, settings, connection);
    if (options.output === 'text') showChanges(plans, io);
    if (options.dryRun) {
      if (options.output === 'json') io.stdout(jsonText({ dryRun: true, workflows: plans.map((plan) => planJson(plan)) }));
      else io.stdout(`${plans.map(planLine).join('')}dry run: nothing was pushed\n`);
      return EXIT_OK;
    }
    if (!options.yes) await confirmUpdates(plans, options, io, connection);

    const apply: ApplySettings = {
      ...settings,
      ...(createRoleArn !== undefined && { createRoleArn }),
      publish: options.publish === true || options.alias !== undefined,
      ...(options.versionDescription !== undefined && { versionDescription: options.versionDescription }),
      ...(options.alias !== undefined && { alias: options.alias }),
    };
    const results: PushResult[] = [];
    for (const plan of plans) {
      const result = await applyPlan(connection.sfn, plan, apply);
      results.push(result);
      if (options.output === 'text') io.stdout(resultLines(result));
    }
    if (options.output === 'json') io.stdout(jsonText({ dryRun: false, workflows: plans.map((plan, i) => planJson(plan, results[i])) }));
    return EXIT_OK;
  });
}

/** The role of the state machines to create; a usage error if some must be created and none is given. */
async function roleForCreations(plans: readonly PushPlan[], settings: DeploySettings, connection: Connection): Promise<string | undefined> {
  const role = settings.roleArn ?? (connection.local ? LOCAL_ROLE_ARN : undefined);
  const creations = plans.filter((plan) => plan.action === 'create').map((plan) => `"${plan.workflow.name}"`);
  if (creations.length === 0 || role !== undefined) return role;
  throw new UsageError(
    `${creations.join(', ')} ${creations.length === 1 ? 'does' : 'do'} not exist at ${await placeOf(connection)} yet, and creating a state machine needs the IAM role it runs as: give --role-arn arn:aws:iam::<account>:role/<name>, or "roleArn" in the stage's section of typestep.config.json (with --stage); nothing was pushed`,
  );
}

/** Updates need a yes at the terminal, or --yes where no one can answer; anything else pushes nothing. */
async function confirmUpdates(plans: readonly PushPlan[], options: PushOptions, io: Io, connection: Connection): Promise<void> {
  const updates = plans.filter((plan) => plan.action === 'update').map((plan) => `"${plan.workflow.name}"`);
  if (updates.length === 0) return;
  const terminal = terminalOf(io);
  if (!terminal.isTTY) {
    const seeChanges = options.output === 'text' ? 'the changes are shown above' : 'run with --dry-run to see the changes';
    throw new UsageError(`${updates.join(', ')} ${updates.length === 1 ? 'differs' : 'differ'} from what is deployed (${seeChanges}): to update, run again with --yes; nothing was pushed`);
  }
  if (!(await confirm(terminal, `Update ${plural(updates.length, 'state machine')} (${updates.join(', ')}) at ${await placeOf(connection)}?`))) {
    throw new CommandFailure('not confirmed; nothing was pushed');
  }
}

/** The state machine settings from the options (the role also from the stage), checked as AWS would check them. */
function deploySettings(options: PushOptions, stage: StageConfig | undefined): DeploySettings {
  if (options.logGroup !== undefined && options.logging === undefined) throw new UsageError('--log-group needs --logging ALL|ERROR|FATAL (the level of what is logged)');
  if (options.includeExecutionData && options.logging === undefined) throw new UsageError('--include-execution-data needs --logging ALL|ERROR|FATAL');
  if (options.logging !== undefined && options.logging !== 'OFF' && options.logGroup === undefined) {
    throw new UsageError(`--logging ${options.logging} needs --log-group, the ARN of the CloudWatch Logs log group to write to (arn:aws:logs:<region>:<account>:log-group:<name>:*)`);
  }
  if (options.versionDescription !== undefined && !options.publish && options.alias === undefined) throw new UsageError('--version-description describes the version --publish publishes: add --publish');
  const logging: LoggingConfiguration | undefined = options.logging && {
    level: options.logging,
    includeExecutionData: options.includeExecutionData === true,
    ...(options.logGroup !== undefined && { destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: options.logGroup } }] }),
  };
  const roleArn = options.roleArn ?? stage?.roleArn;
  return {
    ...(roleArn !== undefined && { roleArn }),
    ...(options.type !== undefined && { type: options.type }),
    ...(logging !== undefined && { logging }),
    ...(options.tracing !== undefined && { tracing: options.tracing }),
    tags: Object.entries(keyValues(options.tag, '--tag', 'key=value')).map(([key, value]) => ({ key, value })),
  };
}

function stageOf(config: ProjectConfig, name: string | undefined): StageConfig | undefined {
  if (name === undefined) return undefined;
  const stage = config.stages[name];
  if (stage) return stage;
  const known = Object.keys(config.stages);
  const where = config.file ?? `${config.root}/typestep.config.json (there is none)`;
  throw new UsageError(`no stage "${name}" in ${where}: ${known.length === 0 ? 'add one' : `its stages are ${known.map((k) => `"${k}"`).join(', ')}; or add it`}, e.g. "stages": { "${name}": { "roleArn": "…", "substitutions": { "Name": "value" } } }`);
}

/**
 * Each workflow's definition with its placeholders filled, or undefined after listing every
 * placeholder without a value (before any call to AWS).
 */
function fillPlaceholders(workflows: readonly PushableWorkflow[], sources: SubstitutionSources, io: Io): ResolvedWorkflow[] | undefined {
  const missing: string[] = [];
  const resolved = workflows.map((workflow) => {
    const { values, missing: names } = resolveSubstitutions(workflow.substitutions, sources);
    if (names.length > 0) missing.push(`  ${workflow.name} (${workflow.file}): ${names.map((name) => `\${${name}}`).join(', ')}\n`);
    return { name: workflow.name, definition: applySubstitutions(workflow.definition, values), file: workflow.file };
  });
  const used = new Set(workflows.flatMap((workflow) => Object.keys(workflow.substitutions)));
  for (const name of Object.keys(sources.flags)) {
    if (!used.has(name)) io.stderr(`typestep push: warning: --sub ${name}: no workflow pushed has a \${${name}} placeholder\n`);
  }
  if (missing.length === 0) return resolved;
  io.stderr(
    `typestep push: placeholders without a value; nothing was pushed:\n${missing.join('')}` +
      'Give each a value with --sub Name=value, with an environment variable of the same name (Name=value typestep push), ' +
      'or in typestep.config.json as "stages": { "<stage>": { "substitutions": { "Name": "value" } } } with --stage <stage>.\n',
  );
  return undefined;
}

/** Before anything is pushed: what each update changes, with the definition diff. */
function showChanges(plans: readonly PushPlan[], io: Io): void {
  for (const plan of plans) {
    if (plan.action !== 'update') continue;
    io.stdout(`${plan.workflow.name}: changes\n${plan.changes.map((change) => `  ${change}\n`).join('')}${plan.diff ?? ''}`);
  }
}

function planLine(plan: PushPlan): string {
  if (plan.action === 'create') return `${plan.workflow.name}: would be created\n`;
  return `${plan.workflow.name}: ${plan.action === 'update' ? 'would be updated' : 'unchanged'} ${plan.stateMachineArn}\n`;
}

function resultLines(result: PushResult): string {
  let text = `${result.name}: ${result.action} ${result.stateMachineArn}\n`;
  if (result.versionArn !== undefined) text += `  version ${result.versionArn}\n`;
  if (result.aliasArn !== undefined) text += `  alias ${result.aliasArn} → ${result.versionArn}\n`;
  return text;
}

function planJson(plan: PushPlan, result?: PushResult) {
  return {
    name: plan.workflow.name,
    file: plan.workflow.file,
    action: result?.action ?? plan.action,
    stateMachineArn: result?.stateMachineArn ?? (plan.action === 'create' ? null : plan.stateMachineArn),
    changes: plan.action === 'create' ? [] : plan.changes,
    diff: plan.action === 'create' ? null : (plan.diff ?? null),
    ...(result?.versionArn !== undefined && { versionArn: result.versionArn }),
    ...(result?.aliasArn !== undefined && { aliasArn: result.aliasArn }),
  };
}
