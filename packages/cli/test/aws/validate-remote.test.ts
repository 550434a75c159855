import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, tempDir } from '../support/run-cli.js';
import { stubAwsEnvironment } from './support/aws-environment.js';
import { fakeStepFunctions } from './support/fake-step-functions.js';
import { startEndpoint } from './support/local-endpoint.js';
import { typestep } from './support/typestep.js';

const VALID = '{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}}';
const DANGLING = '{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","Next":"Nowhere"}}}';

let dir: string;
beforeAll(async () => {
  stubAwsEnvironment();
  dir = await tempDir();
  await writeFile(join(dir, 'valid.asl.json'), VALID);
  await writeFile(join(dir, 'dangling.asl.json'), DANGLING);
});
afterAll(async () => {
  await cleanup();
  vi.unstubAllEnvs();
});

describe('typestep validate --remote', () => {
  it('asks the endpoint and says so when both agree the file is valid', async () => {
    const endpoint = await startEndpoint();
    try {
      const result = await typestep(['validate', 'valid.asl.json', '--remote', '--endpoint-url', endpoint.url], { cwd: dir });
      expect(result).toMatchObject({ code: 0, stdout: 'valid.asl.json: valid (and by Step Functions)\n' });
    } finally {
      await endpoint.close();
    }
  });

  it("reports Step Functions' own diagnostics, and fails on them even when the local rules pass", async () => {
    const fake = await fakeStepFunctions(() => ({
      body: { result: 'FAIL', diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Something AWS knows', location: '/States/Echo' }] },
    }));
    try {
      const result = await typestep(['validate', 'valid.asl.json', '--remote', '--endpoint-url', fake.url], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('valid.asl.json: ERROR SCHEMA_VALIDATION_FAILED (Step Functions): Something AWS knows at /States/Echo');
      expect(result.stdout).toBe('valid.asl.json: 1 problem\n');
      expect(fake.requests.map((r) => r.action)).toEqual(['ValidateStateMachineDefinition']);
      expect(fake.requests[0]!.body['definition']).toBe(VALID);
    } finally {
      await fake.close();
    }
  });

  it('lists local and remote problems of an invalid file together', async () => {
    const endpoint = await startEndpoint();
    try {
      const result = await typestep(['validate', 'dangling.asl.json', '--remote', '--endpoint-url', endpoint.url], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('STEP104');
      expect(result.stderr).toContain('(Step Functions)');
    } finally {
      await endpoint.close();
    }
  });

  it('fails clearly when the endpoint cannot be reached', async () => {
    const result = await typestep(['validate', 'valid.asl.json', '--remote', '--endpoint-url', 'http://127.0.0.1:9'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^typestep validate: .*127\.0\.0\.1:9/m);
  });
});
