import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListTagsForResourceCommand,
  StartExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, PASS_DEFINITION, ROLE_ARN, startTestEndpoint, tempDir, waitForEnd } from './support/endpoint.js';

afterAll(cleanup);

describe('closing the endpoint and starting it again on the same data folder', () => {
  it('keeps machines (updates and tags included) and executions; one cut off by the close is FAILED, saying why', async () => {
    const dataDir = await tempDir();
    const first = await startTestEndpoint({ dataDir });
    const { stateMachineArn } = await first.sfn.send(
      new CreateStateMachineCommand({ name: 'Kept', definition: PASS_DEFINITION, roleArn: ROLE_ARN, tags: [{ key: 'team', value: 'data' }] }),
    );
    const waiting = JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 3600, End: true } } });
    const { revisionId } = await first.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: waiting }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'cut-off', input: '{"n":1}' }));
    while (!(await first.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!.some((event) => event.type === 'WaitStateEntered'));
    await first.close();

    const second = await startTestEndpoint({ dataDir });
    try {
      expect(await second.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }))).toMatchObject({ definition: waiting, revisionId });
      expect((await second.sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags).toEqual([{ key: 'team', value: 'data' }]);
      expect(await second.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
        status: 'FAILED',
        error: 'States.Runtime',
        cause: expect.stringContaining('did not finish'),
        input: '{"n":1}',
      });
      const types = (await second.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map((event) => event.type);
      expect(types).toEqual(['ExecutionStarted', 'WaitStateEntered', 'ExecutionFailed']);

      // The name stays taken, as in AWS.
      await expect(second.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'cut-off', input: '{"n":1}' }))).rejects.toThrow(/Execution Already Exists/);
      const fresh = await second.sfn.send(new StartExecutionCommand({ stateMachineArn: (await second.sfn.send(new CreateStateMachineCommand({ name: 'Fresh', definition: PASS_DEFINITION, roleArn: ROLE_ARN }))).stateMachineArn }));
      expect((await waitForEnd(second.sfn, fresh.executionArn!)).status).toBe('SUCCEEDED');
    } finally {
      await second.close();
    }
  });
});
