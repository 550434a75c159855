import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFauxqs } from 'fauxqs';
import { afterAll, describe, expect, it } from 'vitest';
import { typestep, typestepLocal } from './support/cli-process.js';
import { cleanup, REPO, ROLE_ARN, sfnClient, tempDir, waitForEnd } from './support/endpoint.js';

afterAll(cleanup);

const TRACE = join(REPO, 'packages/cli/test/support/trace-imports.mjs');

describe('typestep local', { timeout: 60_000 }, () => {
  it('binds handlers from a TypeScript module and placeholders from --substitution, on the virtual clock', async () => {
    const dir = await tempDir();
    const handlers = join(dir, 'handlers.ts');
    await writeFile(
      handlers,
      `interface Person { name: string }
export default {
  Greeter: (input: Person) => ({ greeting: \`hello \${input.name}\` }),
};
`,
    );
    const endpoint = await typestepLocal(['--clock', 'virtual', '--handlers', handlers, '--substitution', 'Greeter=arn:aws:lambda:us-east-1:123456789012:function:greeter']);
    const sfn = sfnClient(endpoint.url);
    try {
      expect(endpoint.stdout()).toContain('(in memory, virtual clock, 1 task handler)');
      const definition = JSON.stringify({
        StartAt: 'Sleep',
        States: { Sleep: { Type: 'Wait', Seconds: 86400, Next: 'Greet' }, Greet: { Type: 'Task', Resource: '${Greeter}', End: true } },
      });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Greeting', definition, roleArn: ROLE_ARN }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"name":"Ada"}' }));
      const execution = await waitForEnd(sfn, executionArn!);
      expect(execution).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"hello Ada"}' });
      expect(execution.stopDate!.getTime() - execution.startDate!.getTime()).toBeGreaterThanOrEqual(86_400_000);
      const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      // The placeholder was resolved before the task ran: the history names the function's ARN.
      expect(JSON.stringify(events)).toContain('arn:aws:lambda:us-east-1:123456789012:function:greeter');
    } finally {
      sfn.destroy();
      endpoint.child.kill('SIGINT');
    }
    expect(await endpoint.exited).toBe(0);
    expect(endpoint.stderr()).toContain('SIGINT received, stopping');
  });

  it('calls AWS services for SDK integrations at --service-endpoint: sns:publish reaches a real SNS server (fauxqs)', async () => {
    const fauxqs = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false, messageSpies: true });
    const topic = fauxqs.createTopic('reports', { region: 'us-east-1' });
    const endpoint = await typestepLocal(['--service-endpoint', `sns=http://127.0.0.1:${fauxqs.port}`]);
    const sfn = sfnClient(endpoint.url);
    try {
      const definition = JSON.stringify({
        StartAt: 'Notify',
        States: { Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: topic.topicArn, 'Message.$': '$.message' }, End: true } },
      });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Notify', definition, roleArn: ROLE_ARN }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"message":"report ready"}' }));
      const execution = await waitForEnd(sfn, executionArn!);
      expect(execution.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution.output!)).toMatchObject({ MessageId: expect.any(String) });
      await fauxqs.spy.waitForMessage((message) => message.service === 'sns' && 'body' in message && message.body === 'report ready');
    } finally {
      sfn.destroy();
      endpoint.child.kill('SIGTERM');
      await fauxqs.stop();
    }
    expect(await endpoint.exited).toBe(0);
  });

  it('refuses bad options with exit code 2 and a message naming the option', async () => {
    const dir = await tempDir();
    const notHandlers = join(dir, 'not-handlers.mjs');
    await writeFile(notHandlers, 'export default { Greeter: "not a function" };\n');
    const cases = [
      { args: ['--port', 'eighty'], message: 'typestep: --port must be a whole number from 0 to 65535, not "eighty"' },
      { args: ['--clock', 'fast'], message: "option '--clock <kind>' argument 'fast' is invalid" },
      { args: ['--substitution', 'NoEquals'], message: '--substitution takes name=value, not "NoEquals"' },
      { args: ['--service-endpoint', 's3=not a url'], message: '"not a url" is not a URL' },
      { args: ['--handlers', notHandlers], message: `the handler module ${notHandlers}: "Greeter" must be a function` },
    ];
    const runs = cases.map(({ args }) => typestep(['local', ...args]));
    for (const [index, run] of runs.entries()) {
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toContain(cases[index]!.message);
    }
  });

  it('says why it cannot start (data folder in use) and exits 1', async () => {
    const dataDir = await tempDir();
    const first = await typestepLocal(['--data', dataDir]);
    try {
      const second = typestep(['local', '--port', '0', '--data', dataDir]);
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toContain(`typestep local: The data folder ${dataDir} is in use by another local endpoint (process ${first.child.pid})`);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
  });

  it('--help documents the flags; `typestep --help` loads neither the endpoint nor the AWS SDK', async () => {
    const help = typestep(['local', '--help']);
    expect(await help.exited).toBe(0);
    for (const flag of ['--port', '--host', '--data', '--clock', '--handlers', '--substitution', '--service-endpoint', 'disableHostPrefix']) expect(help.stdout()).toContain(flag);

    const trace = join(await tempDir(), 'trace.txt');
    // The CLI package's own hook lists every module the process resolves.
    const top = typestep(['--help'], { nodeArgs: ['--import', TRACE], env: { TYPESTEP_TRACE_FILE: trace } });
    expect(await top.exited).toBe(0);
    expect(top.stdout()).toMatch(/local \[options\]/);
    const urls = (await readFile(trace, 'utf8')).split('\n').filter(Boolean);
    expect(urls.some((url) => url.includes('/packages/cli/src/commands/local.ts'))).toBe(true);
    expect(urls.filter((url) => /@aws-sdk|@smithy|\/packages\/local\//.test(url))).toEqual([]);
  });
});
