import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ROLE_ARN, startTestEndpoint, waitForEnd, type TestEndpoint } from './support/endpoint.js';

const DAY = 24 * 60 * 60 * 1000;
const ONE_DAY_WAIT = JSON.stringify({
  StartAt: 'Wait a day',
  States: { 'Wait a day': { Type: 'Wait', Seconds: 86400, Next: 'Done' }, Done: { Type: 'Pass', Result: 'waited', End: true } },
});

let test: TestEndpoint;
beforeAll(async () => {
  test = await startTestEndpoint({ clock: 'virtual' });
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

// The test's own timeout (30 s) is what would fail if the endpoint really waited a day.
describe('an endpoint on the virtual clock', () => {
  it('runs a one-day Wait at once, with timestamps a day apart', async () => {
    const { sfn } = test;
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'OneDay', definition: ONE_DAY_WAIT, roleArn: ROLE_ARN }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const execution = await waitForEnd(sfn, executionArn!);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: '"waited"' });
    expect(execution.stopDate!.getTime() - execution.startDate!.getTime()).toBeGreaterThanOrEqual(DAY);

    const events = (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    const entered = events.find((event) => event.type === 'WaitStateEntered')!;
    const exited = events.find((event) => event.type === 'WaitStateExited')!;
    expect(exited.timestamp!.getTime() - entered.timestamp!.getTime()).toBe(DAY);
  });

  it('does the same for a synchronous EXPRESS execution', async () => {
    const { sfn } = test;
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'OneDayExpress', definition: ONE_DAY_WAIT, roleArn: ROLE_ARN, type: 'EXPRESS' }));
    const result = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn }));
    expect(result.status).toBe('SUCCEEDED');
    expect(result.stopDate!.getTime() - result.startDate!.getTime()).toBeGreaterThanOrEqual(DAY);
    expect(result.billingDetails!.billedDurationInMilliseconds).toBeGreaterThanOrEqual(DAY);
  });
});
