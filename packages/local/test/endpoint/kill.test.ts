import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typestepLocal } from './support/cli-process.js';
import { cleanup, PASS_DEFINITION, ROLE_ARN, sfnClient, tempDir, waitForEnd } from './support/endpoint.js';

afterAll(cleanup);

const definitions = {
  Quick: PASS_DEFINITION,
  Failing: JSON.stringify({ StartAt: 'Fail', States: { Fail: { Type: 'Fail', Error: 'Custom.Error', Cause: 'as designed' } } }),
  Slow: JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 3600, End: true } } }),
};

async function setUp(sfn: SFNClient) {
  const arns: Record<string, string> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    arns[name] = (await sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }))).stateMachineArn!;
  }
  const start = (name: string, executionName: string) => sfn.send(new StartExecutionCommand({ stateMachineArn: arns[name], name: executionName, input: '{"n":1}' }));
  const quick = await start('Quick', 'quick');
  await waitForEnd(sfn, quick.executionArn!);
  const failing = await start('Failing', 'failing');
  await waitForEnd(sfn, failing.executionArn!);
  const slow = await start('Slow', 'slow');
  // Kill only once the execution is really inside its Wait state (its events are on disk).
  while (!(await sfn.send(new GetExecutionHistoryCommand({ executionArn: slow.executionArn }))).events!.some((event) => event.type === 'WaitStateEntered'));
  return { arns, quick: quick.executionArn!, failing: failing.executionArn!, slow: slow.executionArn! };
}

describe('typestep local, killed with SIGKILL during an execution and restarted on the same data folder', () => {
  it('still lists every state machine and execution, with truthful statuses', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    const first = await typestepLocal(['--data', dataDir]);
    const before = sfnClient(first.url);
    const { arns, quick, failing, slow } = await setUp(before);
    expect((await before.send(new DescribeExecutionCommand({ executionArn: slow }))).status).toBe('RUNNING');
    before.destroy();

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await typestepLocal(['--data', dataDir]);
    const sfn = sfnClient(second.url);
    try {
      const machines = await sfn.send(new ListStateMachinesCommand({}));
      expect(machines.stateMachines!.map((machine) => machine.name)).toEqual(['Quick', 'Failing', 'Slow']);

      expect(await sfn.send(new DescribeExecutionCommand({ executionArn: quick }))).toMatchObject({ status: 'SUCCEEDED', input: '{"n":1}', output: '{"n":1}' });
      expect(await sfn.send(new DescribeExecutionCommand({ executionArn: failing }))).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'as designed' });

      // The execution the kill cut off: FAILED, saying why, never RUNNING forever and never gone.
      const interrupted = await sfn.send(new DescribeExecutionCommand({ executionArn: slow }));
      expect(interrupted).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining('The local endpoint stopped while this execution was running') });
      expect(interrupted.stopDate!.getTime()).toBeGreaterThanOrEqual(interrupted.startDate!.getTime());
      const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arns.Slow }));
      expect(listed.executions).toEqual([expect.objectContaining({ executionArn: slow, status: 'FAILED' })]);
      const events = (await sfn.send(new GetExecutionHistoryCommand({ executionArn: slow }))).events!;
      expect(events.map((event) => event.type)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'ExecutionFailed']);
      expect(events[2]).toMatchObject({ id: 3, previousEventId: 2, executionFailedEventDetails: { error: 'States.Runtime' } });

      // The restarted endpoint runs new executions as before.
      const again = await sfn.send(new StartExecutionCommand({ stateMachineArn: arns.Quick, name: 'after-restart' }));
      expect((await waitForEnd(sfn, again.executionArn!)).status).toBe('SUCCEEDED');
    } finally {
      sfn.destroy();
      second.child.kill('SIGTERM');
    }
    // SIGTERM is a graceful stop: exit code 0, the data folder unlocked.
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toContain('SIGTERM received, stopping');
    await expect(access(join(dataDir, 'endpoint.pid'))).rejects.toThrow();
  });
});
