import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, tempDir } from '../support/run-cli.js';
import { stubAwsEnvironment } from './support/aws-environment.js';
import { startEndpoint } from './support/local-endpoint.js';
import { typestep } from './support/typestep.js';

const ROLE = 'arn:aws:iam::123456789012:role/typestep-test';
const ECHO = '{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}}';

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let dir: string;
const at = (argv: readonly string[]) => typestep([...argv, '--endpoint-url', endpoint.url], { cwd: dir });

beforeAll(async () => {
  stubAwsEnvironment();
  endpoint = await startEndpoint();
  dir = await tempDir();
  await writeFile(join(dir, 'Echo.asl.json'), ECHO);
  await writeFile(join(dir, 'FastEcho.asl.json'), ECHO);
  expect((await at(['push', 'Echo.asl.json', '--role-arn', ROLE])).code).toBe(0);
  expect((await at(['push', 'FastEcho.asl.json', '--role-arn', ROLE, '--type', 'EXPRESS'])).code).toBe(0);
});
afterAll(async () => {
  await endpoint.close();
  await cleanup();
  vi.unstubAllEnvs();
});

describe('typestep start', () => {
  it('reads --input @file relative to the working directory', async () => {
    await writeFile(join(dir, 'input.json'), '{ "order": 42 }');
    const result = await at(['start', 'Echo', '--input', '@input.json', '--wait']);
    expect(result).toMatchObject({ code: 0, stdout: '{\n  "order": 42\n}\n' });
  });

  it('refuses input that is not JSON, or a file it cannot read, before starting anything', async () => {
    const bad = await at(['start', 'Echo', '--input', '{order: 42}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^typestep: --input is not JSON \(.+\): give JSON text, e\.g\. --input '\{"id": 1\}', or @file\.json\n$/);
    const missing = await at(['start', 'Echo', '--input', '@nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^typestep: --input @nope\.json: cannot read nope\.json: ENOENT/);
    expect(JSON.parse((await at(['executions', 'Echo', '--output', 'json'])).stdout).executions).toHaveLength(1);
  });

  it('without --wait prints the execution ARN; --name names it', async () => {
    const result = await at(['start', 'Echo', '--name', 'named-run']);
    expect(result).toMatchObject({ code: 0, stdout: 'arn:aws:states:us-east-1:123456789012:execution:Echo:named-run\n' });
  });

  it('runs an EXPRESS state machine with --wait through StartSyncExecution', async () => {
    const result = await at(['start', 'FastEcho', '--input', '{"fast": true}', '--wait', '--output', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'SUCCEEDED', output: '{"fast":true}', executionArn: expect.stringContaining(':express:FastEcho:') as unknown });
  });
});

it('typestep executions --max-items shows at most that many, newest first', async () => {
  const result = await at(['executions', 'Echo', '--max-items', '1', '--output', 'json']);
  const { executions } = JSON.parse(result.stdout) as { executions: { name: string }[] };
  expect(executions.map((e) => e.name)).toEqual(['named-run']);
  const bad = await at(['executions', 'Echo', '--max-items', '0']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("option '--max-items <n>' argument '0' is invalid. expected a whole number of at least 1");
});
