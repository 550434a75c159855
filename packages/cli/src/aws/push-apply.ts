import type { SFN } from '@aws-sdk/client-sfn';
import { CommandFailure, isServiceError } from './errors.js';
import type { DeploySettings, PushPlan } from './push-plan.js';

/** How a plan is carried out: the role for new state machines and what to publish. */
export interface ApplySettings extends DeploySettings {
  /** The role of state machines created now (checked to exist before anything is pushed). */
  readonly createRoleArn?: string;
  /** Publish a version of each state machine pushed (also of an unchanged one: AWS returns its existing version). */
  readonly publish: boolean;
  readonly versionDescription?: string;
  /** Point this alias of each state machine at the version published now. */
  readonly alias?: string;
}

export interface PushResult {
  readonly name: string;
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly stateMachineArn: string;
  readonly versionArn?: string;
  readonly aliasArn?: string;
}

/** Creates or updates one state machine as planned, then publishes a version and moves the alias. */
export async function applyPlan(sfn: SFN, plan: PushPlan, settings: ApplySettings): Promise<PushResult> {
  const { name, definition, file } = plan.workflow;
  const versioning = settings.publish ? { publish: true, ...(settings.versionDescription !== undefined && { versionDescription: settings.versionDescription }) } : {};
  try {
    let result: PushResult;
    if (plan.action === 'create') {
      const created = await sfn.createStateMachine({
        name,
        definition,
        roleArn: settings.createRoleArn,
        ...(settings.type !== undefined && { type: settings.type }),
        ...(settings.logging !== undefined && { loggingConfiguration: settings.logging }),
        ...(settings.tracing !== undefined && { tracingConfiguration: { enabled: settings.tracing } }),
        ...(settings.tags.length > 0 && { tags: [...settings.tags] }),
        ...versioning,
      });
      result = { name, action: 'created', stateMachineArn: created.stateMachineArn!, ...version(created.stateMachineVersionArn) };
    } else {
      const { stateMachineArn } = plan;
      let versionArn: string | undefined;
      if (Object.keys(plan.update).length > 0) {
        versionArn = (await sfn.updateStateMachine({ stateMachineArn, ...plan.update, ...versioning })).stateMachineVersionArn;
      } else if (settings.publish) {
        // Idempotent in AWS: the current revision's existing version if it has one.
        versionArn = (await sfn.publishStateMachineVersion({ stateMachineArn, ...(settings.versionDescription !== undefined && { description: settings.versionDescription }) })).stateMachineVersionArn;
      }
      if (plan.tags.length > 0) await sfn.tagResource({ resourceArn: stateMachineArn, tags: [...plan.tags] });
      result = { name, action: plan.action === 'update' ? 'updated' : 'unchanged', stateMachineArn, ...version(versionArn) };
    }
    if (settings.alias !== undefined && result.versionArn !== undefined) {
      return { ...result, aliasArn: await pointAlias(sfn, result.stateMachineArn, settings.alias, result.versionArn) };
    }
    return result;
  } catch (error) {
    if (isServiceError(error) && error.name === 'InvalidDefinition') {
      throw new CommandFailure(`Step Functions rejected the definition of "${name}" (${file}): ${error.name}: ${error.message}`);
    }
    throw error;
  }
}

function version(versionArn: string | undefined): { versionArn?: string } {
  return versionArn === undefined ? {} : { versionArn };
}

/** Routes all of the alias's traffic to the version, creating the alias if it does not exist yet. */
async function pointAlias(sfn: SFN, stateMachineArn: string, alias: string, versionArn: string): Promise<string> {
  const stateMachineAliasArn = `${stateMachineArn}:${alias}`;
  const routingConfiguration = [{ stateMachineVersionArn: versionArn, weight: 100 }];
  try {
    const current = await sfn.describeStateMachineAlias({ stateMachineAliasArn });
    const routes = current.routingConfiguration ?? [];
    if (routes.length !== 1 || routes[0]!.stateMachineVersionArn !== versionArn) {
      await sfn.updateStateMachineAlias({ stateMachineAliasArn, routingConfiguration });
    }
    return stateMachineAliasArn;
  } catch (error) {
    if (!(isServiceError(error) && error.name === 'ResourceNotFound')) throw error;
  }
  return (await sfn.createStateMachineAlias({ name: alias, routingConfiguration })).stateMachineAliasArn!;
}
