import type { DescribeStateMachineOutput, LoggingConfiguration, StateMachineType, Tag, UpdateStateMachineInput } from '@aws-sdk/client-sfn';
import type { Connection } from './client.js';
import { definitionDiff, sameDefinition } from './definition-diff.js';
import { CommandFailure } from './errors.js';
import { listStateMachines } from './state-machines.js';

/** A definition ready to push: its placeholders filled. */
export interface ResolvedWorkflow {
  readonly name: string;
  readonly definition: string;
  /** Where it was read from, for messages. */
  readonly file: string;
}

/** The state machine settings push was asked for; undefined means "as deployed" (or AWS's default on create). */
export interface DeploySettings {
  readonly roleArn?: string;
  readonly type?: StateMachineType;
  readonly logging?: LoggingConfiguration;
  readonly tracing?: boolean;
  readonly tags: readonly Tag[];
}

/** What UpdateStateMachine is given besides the ARN. */
export type UpdateFields = Omit<UpdateStateMachineInput, 'stateMachineArn'>;

/** What pushing one workflow will do. */
export type PushPlan =
  | { readonly action: 'create'; readonly workflow: ResolvedWorkflow }
  | {
      readonly action: 'update' | 'unchanged';
      readonly workflow: ResolvedWorkflow;
      readonly stateMachineArn: string;
      /** The UpdateStateMachine fields that change (none: no UpdateStateMachine call). */
      readonly update: UpdateFields;
      /** Tags to add or change (TagResource). */
      readonly tags: readonly Tag[];
      /** One line per setting that changes, e.g. `tracing: off → on`. */
      readonly changes: readonly string[];
      /** The definition diff, when the definition changes. */
      readonly diff?: string;
    };

/**
 * Compares each workflow with what is deployed under its name (one ListStateMachines, then
 * DescribeStateMachine per existing machine): create it, update it (and how), or leave it. Only
 * reads; a type change, which Step Functions cannot make, fails here, before anything is written.
 */
export async function planPush(connection: Connection, workflows: readonly ResolvedWorkflow[], settings: DeploySettings): Promise<PushPlan[]> {
  const { sfn } = connection;
  const deployed = await listStateMachines(sfn);
  return Promise.all(
    workflows.map(async (workflow): Promise<PushPlan> => {
      const stateMachineArn = deployed.get(workflow.name)?.stateMachineArn;
      if (stateMachineArn === undefined) return { action: 'create', workflow };
      const machine = await sfn.describeStateMachine({ stateMachineArn });
      const deployedTags = settings.tags.length === 0 ? [] : ((await sfn.listTagsForResource({ resourceArn: stateMachineArn })).tags ?? []);
      return planUpdate(workflow, stateMachineArn, machine, deployedTags, settings);
    }),
  );
}

function planUpdate(workflow: ResolvedWorkflow, stateMachineArn: string, machine: DescribeStateMachineOutput, deployedTags: readonly Tag[], settings: DeploySettings): PushPlan {
  if (settings.type !== undefined && machine.type !== settings.type) {
    throw new CommandFailure(
      `"${workflow.name}" is deployed with type ${machine.type}, and Step Functions cannot change the type of a state machine (to ${settings.type}): delete it first ("typestep delete ${workflow.name}") and push again`,
    );
  }
  const update: UpdateFields = {};
  const changes: string[] = [];
  let diff: string | undefined;

  const deployedDefinition = machine.definition ?? '';
  if (!sameDefinition(deployedDefinition, workflow.definition)) {
    update.definition = workflow.definition;
    diff = definitionDiff(workflow.name, deployedDefinition, workflow.definition);
  }
  if (settings.roleArn !== undefined && settings.roleArn !== machine.roleArn) {
    update.roleArn = settings.roleArn;
    changes.push(`role: ${machine.roleArn} → ${settings.roleArn}`);
  }
  if (settings.logging !== undefined && loggingText(settings.logging) !== loggingText(machine.loggingConfiguration)) {
    update.loggingConfiguration = settings.logging;
    changes.push(`logging: ${loggingText(machine.loggingConfiguration)} → ${loggingText(settings.logging)}`);
  }
  const tracing = machine.tracingConfiguration?.enabled === true;
  if (settings.tracing !== undefined && settings.tracing !== tracing) {
    update.tracingConfiguration = { enabled: settings.tracing };
    changes.push(`tracing: ${tracing ? 'on' : 'off'} → ${settings.tracing ? 'on' : 'off'}`);
  }
  const tags = settings.tags.filter((tag) => !deployedTags.some((deployedTag) => deployedTag.key === tag.key && deployedTag.value === tag.value));
  if (tags.length > 0) changes.push(`tags: ${tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')}`);

  const changed = diff !== undefined || changes.length > 0;
  return { action: changed ? 'update' : 'unchanged', workflow, stateMachineArn, update, tags, changes, ...(diff !== undefined && { diff }) };
}

/** A logging configuration in a few words: `OFF`, `ERROR to arn:… (with execution data)`. */
function loggingText(logging: LoggingConfiguration | undefined): string {
  const level = logging?.level ?? 'OFF';
  if (level === 'OFF') return 'OFF';
  const group = logging?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
  return `${level}${group ? ` to ${group}` : ''}${logging?.includeExecutionData ? ' (with execution data)' : ''}`;
}
