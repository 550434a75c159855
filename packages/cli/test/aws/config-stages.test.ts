import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { cleanup, runCli, tempDir, tempProject } from '../support/run-cli.js';

afterAll(cleanup);

async function configIn(config: unknown) {
  const root = await tempDir();
  await writeFile(join(root, 'typestep.config.json'), JSON.stringify(config));
  return { root, load: () => loadConfig(root) };
}

describe('typestep.config.json "stages"', () => {
  it('holds each stage\'s role and placeholder values', async () => {
    const { load } = await configIn({ stages: { prod: { roleArn: 'arn:aws:iam::123456789012:role/R', substitutions: { Table: 'orders' } }, dev: {} } });
    expect((await load()).stages).toEqual({ prod: { roleArn: 'arn:aws:iam::123456789012:role/R', substitutions: { Table: 'orders' } }, dev: { substitutions: {} } });
  });

  it('is empty without a config file or without the section', async () => {
    expect((await loadConfig(await tempDir())).stages).toEqual({});
    expect((await (await configIn({ outDir: 'x' })).load()).stages).toEqual({});
  });

  it.each([
    [{ stages: [] }, '"stages" must be an object of stages by name'],
    [{ stages: { prod: 'x' } }, '"stages.prod" must be an object'],
    [{ stages: { prod: { role: 'x' } } }, '"stages.prod" has an unknown field "role" (known fields: "roleArn", "substitutions")'],
    [{ stages: { prod: { roleArn: 3 } } }, '"stages.prod.roleArn" must be an IAM role ARN (a string)'],
    [{ stages: { prod: { substitutions: { Table: 1 } } } }, '"stages.prod.substitutions.Table" must be a string, not 1'],
  ])('refuses %j with a message naming the place', async (config, message) => {
    const { load } = await configIn(config);
    await expect(load()).rejects.toThrow(message);
  });

  it('leaves typestep build as it was', async () => {
    const root = await tempProject({
      'typestep.config.json': JSON.stringify({ workflows: ['*.workflow.ts'], stages: { prod: { substitutions: { A: 'a' } } } }),
      'a.workflow.ts': "import { workflow } from '@typestep/dsl';\n\nexport default workflow('Alpha').pass('Hello');\n",
    });
    const result = await runCli(['build'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});
