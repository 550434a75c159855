/**
 * The request shapes of the actions the endpoint serves, with the constraints of the Step Functions
 * API model (lengths, enums, ranges, required members). A request that breaks one is answered as
 * AWS's front end answers it: ValidationException "1 validation error detected: Value … at 'name'
 * failed to satisfy constraint: …", or SerializationException for a member of the wrong JSON type.
 * Unknown members are ignored, as AWS ignores members newer than it knows.
 *
 * Each schema `satisfies` the SDK's input type, so a member misspelt or mistyped here is a tsc error.
 */
import type * as Sfn from '@aws-sdk/client-sfn';
import { z } from 'zod';
import { loggingConfiguration, tracingConfiguration } from '../store/records.js';
import { ApiError } from './api-error.js';

/** AWS's quota for execution input and output, task output and state data: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

const arn = z.string().min(1).max(256);
const name = z.string().min(1).max(80);
const definition = z.string().min(1).max(1048576);
const pageSize = z.number().int().min(0).max(1000);
const pageToken = z.string().min(1).max(1024);
const stateMachineType = z.enum(['STANDARD', 'EXPRESS']);
const includedData = z.enum(['ALL_DATA', 'METADATA_ONLY']);
const tags = z.array(z.object({ key: z.string().min(1).max(128), value: z.string().min(0).max(256) }));
/** JSON text limited to 256 KiB of UTF-8 (the model says 262144 characters; the quota is in bytes). */
const payload = z.string().refine((text) => Buffer.byteLength(text, 'utf8') <= MAX_PAYLOAD_BYTES, {
  message: `Member must be at most ${MAX_PAYLOAD_BYTES} bytes (256 KiB) of UTF-8`,
});
const taskToken = z.string().min(1).max(2048);
const error = z.string().max(256);
const cause = z.string().max(32768);
const traceHeader = z.string().max(256);

export const requestSchemas = {
  CreateStateMachine: z.looseObject({
    name,
    definition,
    roleArn: arn,
    type: stateMachineType.optional(),
    loggingConfiguration: loggingConfiguration.optional(),
    tracingConfiguration: tracingConfiguration.optional(),
    tags: tags.optional(),
    publish: z.boolean().optional(),
  }) satisfies z.ZodType<Sfn.CreateStateMachineInput>,
  UpdateStateMachine: z.looseObject({
    stateMachineArn: arn,
    definition: definition.optional(),
    roleArn: arn.optional(),
    loggingConfiguration: loggingConfiguration.optional(),
    tracingConfiguration: tracingConfiguration.optional(),
    publish: z.boolean().optional(),
  }) satisfies z.ZodType<Sfn.UpdateStateMachineInput>,
  DescribeStateMachine: z.looseObject({ stateMachineArn: arn, includedData: includedData.optional() }) satisfies z.ZodType<Sfn.DescribeStateMachineInput>,
  ListStateMachines: z.looseObject({ maxResults: pageSize.optional(), nextToken: pageToken.optional() }) satisfies z.ZodType<Sfn.ListStateMachinesInput>,
  DeleteStateMachine: z.looseObject({ stateMachineArn: arn }) satisfies z.ZodType<Sfn.DeleteStateMachineInput>,
  ValidateStateMachineDefinition: z.looseObject({
    definition,
    type: stateMachineType.optional(),
    severity: z.enum(['ERROR', 'WARNING']).optional(),
    maxResults: z.number().int().min(0).max(100).optional(),
  }) satisfies z.ZodType<Sfn.ValidateStateMachineDefinitionInput>,
  StartExecution: z.looseObject({
    stateMachineArn: arn,
    name: name.optional(),
    input: payload.optional(),
    traceHeader: traceHeader.optional(),
  }) satisfies z.ZodType<Sfn.StartExecutionInput>,
  StartSyncExecution: z.looseObject({
    stateMachineArn: arn,
    name: name.optional(),
    input: payload.optional(),
    traceHeader: traceHeader.optional(),
    includedData: includedData.optional(),
  }) satisfies z.ZodType<Sfn.StartSyncExecutionInput>,
  DescribeExecution: z.looseObject({ executionArn: arn, includedData: includedData.optional() }) satisfies z.ZodType<Sfn.DescribeExecutionInput>,
  ListExecutions: z.looseObject({
    stateMachineArn: arn.optional(),
    statusFilter: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']).optional(),
    maxResults: pageSize.optional(),
    nextToken: z.string().min(1).max(3096).optional(),
    mapRunArn: z.string().min(1).max(2000).optional(),
  }) satisfies z.ZodType<Sfn.ListExecutionsInput>,
  GetExecutionHistory: z.looseObject({
    executionArn: arn,
    maxResults: pageSize.optional(),
    reverseOrder: z.boolean().optional(),
    nextToken: pageToken.optional(),
    includeExecutionData: z.boolean().optional(),
  }) satisfies z.ZodType<Sfn.GetExecutionHistoryInput>,
  StopExecution: z.looseObject({ executionArn: arn, error: error.optional(), cause: cause.optional() }) satisfies z.ZodType<Sfn.StopExecutionInput>,
  SendTaskSuccess: z.looseObject({ taskToken, output: payload }) satisfies z.ZodType<Sfn.SendTaskSuccessInput>,
  SendTaskFailure: z.looseObject({ taskToken, error: error.optional(), cause: cause.optional() }) satisfies z.ZodType<Sfn.SendTaskFailureInput>,
  SendTaskHeartbeat: z.looseObject({ taskToken }) satisfies z.ZodType<Sfn.SendTaskHeartbeatInput>,
  TagResource: z.looseObject({ resourceArn: arn, tags }) satisfies z.ZodType<Sfn.TagResourceInput>,
  UntagResource: z.looseObject({ resourceArn: arn, tagKeys: z.array(z.string().min(1).max(128)) }) satisfies z.ZodType<Sfn.UntagResourceInput>,
  ListTagsForResource: z.looseObject({ resourceArn: arn }) satisfies z.ZodType<Sfn.ListTagsForResourceInput>,
};

export type ActionName = keyof typeof requestSchemas;
export type RequestOf<A extends ActionName> = z.infer<(typeof requestSchemas)[A]>;

/** Parses a request body's JSON value for `action`, or throws the error AWS would answer with. */
export function parseRequest<A extends ActionName>(action: A, body: unknown): RequestOf<A> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('SerializationException', `The body of ${action} must be a JSON object.`);
  }
  // JSON null means "not given" in AWS's protocol.
  const members = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
  const parsed = requestSchemas[action].safeParse(members, { reportInput: true });
  if (parsed.success) return parsed.data as RequestOf<A>;

  const issues = parsed.error.issues;
  const mistyped = issues.find((issue) => issue.code === 'invalid_type' && issue.input !== undefined);
  if (mistyped) {
    throw new ApiError('SerializationException', `${action}: '${mistyped.path.join('.')}' has the wrong type: ${mistyped.message.replace(/^Invalid input: /, '')}.`);
  }
  const problems = issues.map((issue) => `Value ${shown(issue.input)}at '${issue.path.join('.')}' failed to satisfy constraint: ${constraint(issue)}`);
  throw new ApiError('ValidationException', `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}

function shown(value: unknown): string {
  if (value === undefined) return 'null ';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Long values (execution input, definitions) are not echoed back, as AWS does for sensitive data.
  return text.length > 100 ? '' : `'${text}' `;
}

function constraint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'Member must not be null';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `Member must have length less than or equal to ${issue.maximum}`
        : `Member must have value less than or equal to ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `Member must have length greater than or equal to ${issue.minimum}`
        : `Member must have value greater than or equal to ${issue.minimum}`;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.join(', ')}]`;
    default:
      return issue.message;
  }
}
