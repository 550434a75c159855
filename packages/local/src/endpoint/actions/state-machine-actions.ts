import type * as Sfn from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { StoredStateMachine } from '../../store/records.js';
import { ApiError } from '../api-error.js';
import { checkRoleArn, checkStateMachineArn, stateMachineArn } from '../arns.js';
import { assertValidDefinition, diagnoseDefinition } from '../definition-check.js';
import type { EndpointContext } from '../endpoint-context.js';
import { findStateMachine } from '../lookups.js';
import { checkName } from '../names.js';
import { paginate } from '../pagination.js';
import type { RequestOf } from '../request-schemas.js';
import { mergeTags } from './tag-actions.js';

/** What AWS reports for a state machine created without logging or tracing. */
const LOGGING_OFF = { level: 'OFF', includeExecutionData: false } as const;
const TRACING_OFF = { enabled: false } as const;

function refuseVersions(publish: boolean | undefined): void {
  if (publish) {
    throw new ApiError('ValidationException', 'The local endpoint does not publish state machine versions: leave out "publish" (or set it to false).');
  }
}

export function createStateMachine(context: EndpointContext, request: RequestOf<'CreateStateMachine'>): Sfn.CreateStateMachineOutput {
  checkName(request.name, 'state machine');
  checkRoleArn(request.roleArn);
  refuseVersions(request.publish);
  assertValidDefinition(request.definition, request.name);
  const arn = stateMachineArn(context.scope, request.name);
  const tags = mergeTags(arn, [], request.tags ?? []);
  const type = request.type ?? 'STANDARD';

  // Idempotent as in AWS: the same name, definition, type and configuration give the existing machine
  // (a different roleArn or tags are ignored); anything else under that name is a conflict.
  const existing = context.store.stateMachine(arn);
  if (existing) {
    const same =
      existing.definition === request.definition &&
      existing.type === type &&
      isDeepStrictEqual(existing.loggingConfiguration, request.loggingConfiguration) &&
      isDeepStrictEqual(existing.tracingConfiguration, request.tracingConfiguration);
    if (!same) {
      throw new ApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}' (with another definition, type or configuration). Update it with UpdateStateMachine, or delete it first.`);
    }
    return { stateMachineArn: arn, creationDate: existing.creationDate };
  }

  const now = context.clock.now();
  context.store.saveStateMachine({
    arn,
    name: request.name,
    type,
    definition: request.definition,
    roleArn: request.roleArn,
    creationDate: now,
    updateDate: now,
    revisionId: randomUUID(),
    tags,
    ...(request.loggingConfiguration && { loggingConfiguration: request.loggingConfiguration }),
    ...(request.tracingConfiguration && { tracingConfiguration: request.tracingConfiguration }),
  });
  return { stateMachineArn: arn, creationDate: now };
}

export function updateStateMachine(context: EndpointContext, request: RequestOf<'UpdateStateMachine'>): Sfn.UpdateStateMachineOutput {
  const stateMachine = findStateMachine(context, request.stateMachineArn);
  refuseVersions(request.publish);
  const { definition, roleArn, loggingConfiguration, tracingConfiguration } = request;
  if (definition === undefined && roleArn === undefined && loggingConfiguration === undefined && tracingConfiguration === undefined) {
    throw new ApiError('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified.');
  }
  if (roleArn !== undefined) checkRoleArn(roleArn);
  if (definition !== undefined) assertValidDefinition(definition, stateMachine.name);
  const updated: StoredStateMachine = {
    ...stateMachine,
    ...(definition !== undefined && { definition }),
    ...(roleArn !== undefined && { roleArn }),
    ...(loggingConfiguration !== undefined && { loggingConfiguration }),
    ...(tracingConfiguration !== undefined && { tracingConfiguration }),
    updateDate: context.clock.now(),
    revisionId: randomUUID(),
  };
  // Running executions go on with the definition they started with, as in AWS.
  context.store.saveStateMachine(updated);
  return { updateDate: updated.updateDate, revisionId: updated.revisionId };
}

export function describeStateMachine(context: EndpointContext, request: RequestOf<'DescribeStateMachine'>): Sfn.DescribeStateMachineOutput {
  const stateMachine = findStateMachine(context, request.stateMachineArn);
  return {
    stateMachineArn: stateMachine.arn,
    name: stateMachine.name,
    status: 'ACTIVE',
    definition: stateMachine.definition,
    roleArn: stateMachine.roleArn,
    type: stateMachine.type,
    creationDate: stateMachine.creationDate,
    loggingConfiguration: stateMachine.loggingConfiguration ?? LOGGING_OFF,
    tracingConfiguration: stateMachine.tracingConfiguration ?? TRACING_OFF,
    revisionId: stateMachine.revisionId,
  };
}

export function listStateMachines(context: EndpointContext, request: RequestOf<'ListStateMachines'>): Sfn.ListStateMachinesOutput {
  const page = paginate(context.store.stateMachines(), request, 'ListStateMachines', (stateMachine) => stateMachine.arn);
  return {
    stateMachines: page.items.map(({ arn, name, type, creationDate }) => ({ stateMachineArn: arn, name, type, creationDate })),
    ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
  };
}

/**
 * Deletes a state machine and its executions. AWS stops running executions "on their next state
 * transition"; here they are stopped (ABORTED) before the machine goes. Deleting a state machine that
 * does not exist succeeds, as in AWS.
 */
export async function deleteStateMachine(context: EndpointContext, request: RequestOf<'DeleteStateMachine'>): Promise<Sfn.DeleteStateMachineOutput> {
  checkStateMachineArn(request.stateMachineArn);
  const running = context.store.executionsOf(request.stateMachineArn).filter((execution) => context.runner.isRunning(execution.arn));
  await Promise.all(running.map((execution) => context.runner.stop(execution.arn, {})));
  if (context.store.stateMachine(request.stateMachineArn)) context.store.deleteStateMachine(request.stateMachineArn);
  return {};
}

/** AWS's defaults: ERROR severity, 100 diagnostics (0 means the default). */
export function validateStateMachineDefinition(_context: EndpointContext, request: RequestOf<'ValidateStateMachineDefinition'>): Sfn.ValidateStateMachineDefinitionOutput {
  const all = diagnoseDefinition(request.definition);
  const shown = request.severity === 'WARNING' ? all : all.filter((diagnostic) => diagnostic.severity === 'ERROR');
  const limit = request.maxResults || 100;
  return {
    result: all.some((diagnostic) => diagnostic.severity === 'ERROR') ? 'FAIL' : 'OK',
    diagnostics: shown.slice(0, limit),
    truncated: shown.length > limit,
  };
}
