import { validateDefinitionText } from '@typestep/compiler';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStateMachineContract, describeExecutionContract } from '../../src/controller/contract.js';
import { createStateMachineHandler } from '../../src/controller/create-state-machine.js';
import { deleteStateMachineHandler } from '../../src/controller/delete-state-machine.js';
import { describeExecutionHandler } from '../../src/controller/describe-execution.js';
import { ConfigurationError, InvalidRequest, NoBuckets } from '../../src/errors.js';
import { useLocalAws } from '../support/aws-environment.js';
import { startS3AndSns, type Fauxqs } from '../support/fauxqs.js';
import { startStepFunctionsStandIn, type StepFunctionsStandIn } from '../support/step-functions-stand-in.js';

const FUNCTION = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const ENVIRONMENT = {
  LIST_OBJECTS_FUNCTION_ARN: FUNCTION('list-objects'),
  PUT_USAGE_FUNCTION_ARN: FUNCTION('put-dynamodb'),
  CREATE_MESSAGE_FUNCTION_ARN: FUNCTION('create-message'),
  REPORT_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:usage-report',
  STATE_MACHINE_ROLE_ARN: 'arn:aws:iam::123456789012:role/usage-report-machine',
};

/** The machine seed 001 generates for three buckets. */
const seedMachine = JSON.parse(readFileSync(new URL('../../../../../shared/reference-asl/001-2-dynamic-3-buckets.asl.json', import.meta.url), 'utf8'));

let s3: Fauxqs;
let sfn: StepFunctionsStandIn;
beforeAll(async () => {
  [s3, sfn] = await Promise.all([startS3AndSns(), startStepFunctionsStandIn()]);
  useLocalAws({ s3: s3.address, sfn: sfn.endpoint });
  Object.assign(process.env, ENVIRONMENT);
  for (const bucket of ['bucket-a', 'bucket-b', 'bucket-c']) s3.createBucket(bucket);
});
afterAll(() => Promise.all([s3.stop(), sfn.stop()]));

describe("seed 001's controller, as its workflow calls it", () => {
  test('create-state-machine builds, compiles, creates and starts the per-run Parallel machine', async () => {
    // The console's default execution input.
    const result = await createStateMachineHandler({ Comment: 'Insert your JSON here' });
    expect(createStateMachineContract.output.parse(result)).toEqual(result);

    expect(sfn.machines.size).toBe(1);
    const [machine] = [...sfn.machines.values()];
    const [execution] = [...sfn.executions.values()];
    expect(result.exeArn).toBe(execution!.arn);
    expect(machine!.name).toBe(`S3UsageReport-${execution!.name}`);
    expect(execution!.name).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    expect(machine!.roleArn).toBe(ENVIRONMENT.STATE_MACHINE_ROLE_ARN);
    expect(JSON.parse(execution!.input)).toEqual({ '0': 'bucket-a', '1': 'bucket-b', '2': 'bucket-c' });

    // Valid by the same rules `typestep validate` applies, read back from what the API received.
    expect(validateDefinitionText(machine!.definition, { workflow: machine!.name })).toEqual([]);
    const definition = JSON.parse(machine!.definition);
    // The seed's skeleton: Parallel → CreateMessage → Publish, a ListObject<i> → PutDynamoDB<i> branch per bucket.
    const states = (d: { States: Record<string, unknown> }) => Object.keys(d.States);
    expect(definition.States.Parallel.Branches).toHaveLength(seedMachine.States.Parallel.Branches.length);
    expect(states(definition)).toEqual(states(seedMachine).filter((name) => name !== 'Pass'));
    definition.States.Parallel.Branches.forEach((branch: { States: Record<string, { Resource?: string; Parameters?: object }> }, i: number) => {
      expect(Object.keys(branch.States)).toEqual([`Start${i}`, `ListObject${i}`, `Listed${i}`, `PutDynamoDB${i}`]);
      expect(branch.States[`Start${i}`]!.Parameters).toEqual({ 'bucket.$': `$.${i}`, 'runId.$': '$$.Execution.Name' });
      expect(branch.States[`ListObject${i}`]!.Resource).toBe(ENVIRONMENT.LIST_OBJECTS_FUNCTION_ARN);
      expect(branch.States[`PutDynamoDB${i}`]!.Resource).toBe(ENVIRONMENT.PUT_USAGE_FUNCTION_ARN);
    });
    expect(definition.States.CreateMessage.Resource).toBe(ENVIRONMENT.CREATE_MESSAGE_FUNCTION_ARN);
    expect(definition.States.Publish.Parameters).toEqual({ TopicArn: ENVIRONMENT.REPORT_TOPIC_ARN, 'Message.$': '$.message' });
  });

  test('describe-execution reports RUNNING, then SUCCEEDED; delete-state-machine removes the machine', async () => {
    const [execution] = [...sfn.executions.values()];
    const running = await describeExecutionHandler({ exeArn: execution!.arn });
    expect(running).toEqual({ exeArn: execution!.arn, status: 'RUNNING', stateArn: execution!.stateMachineArn });
    expect(describeExecutionContract.output.parse(running)).toEqual(running);

    sfn.settle(execution!.arn, 'SUCCEEDED');
    const succeeded = await describeExecutionHandler(running);
    expect(succeeded.status).toBe('SUCCEEDED');

    // The controller's Choice passes describe-execution's whole result on.
    expect(await deleteStateMachineHandler(succeeded)).toEqual({ deleted: execution!.stateMachineArn });
    expect(sfn.machines.size).toBe(0);
  });

  test('an execution that does not exist is the API\'s own ExecutionDoesNotExist error', async () => {
    const exeArn = 'arn:aws:states:us-east-1:123456789012:execution:S3UsageReport-x:missing';
    await expect(describeExecutionHandler({ exeArn })).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });
});

describe('what the controller refuses', () => {
  test.each([
    ['create-state-machine given a string', () => createStateMachineHandler('go')],
    ['describe-execution without exeArn', () => describeExecutionHandler({})],
    ['describe-execution given a state machine ARN', () => describeExecutionHandler({ exeArn: 'arn:aws:states:us-east-1:1:stateMachine:M' })],
    ['delete-state-machine without stateArn', () => deleteStateMachineHandler({ exeArn: 'x' })],
  ])('%s is InvalidRequest', async (_what, run) => {
    await expect(run()).rejects.toBeInstanceOf(InvalidRequest);
  });

  test('a missing function ARN is a ConfigurationError naming the variable', async () => {
    delete process.env['PUT_USAGE_FUNCTION_ARN'];
    try {
      const error = (await createStateMachineHandler({}).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toMatch(/^PUT_USAGE_FUNCTION_ARN is not set: it names the put-usage function/);
    } finally {
      Object.assign(process.env, ENVIRONMENT);
    }
  });

  test('an account without buckets is NoBuckets, and nothing is created', async () => {
    const machinesBefore = sfn.machines.size;
    s3.purgeAll();
    await expect(createStateMachineHandler({})).rejects.toBeInstanceOf(NoBuckets);
    expect(sfn.machines.size).toBe(machinesBefore);
  });
});
