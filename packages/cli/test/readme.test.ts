import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, REPO, runCli, tempProject } from './support/run-cli.js';

afterAll(cleanup);

const readme = await readFile(join(REPO, 'README.md'), 'utf8');
const blocks = (lang: string) => [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('README', () => {
  it('shows the setup command with the pinned pnpm, and .ci/run runs the same commands', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { packageManager: string };
    const commands = blocks('sh').map((b) => b.trim());
    expect(commands).toEqual([`npm install -g ${pkg.packageManager} && pnpm install`, 'pnpm build', 'pnpm test']);
    const ci = await readFile(join(REPO, '.ci/run'), 'utf8');
    expect(ci).toContain('set -euo pipefail');
    for (const line of ['npm install -g "pnpm@${pnpm_version}"', 'pnpm install --frozen-lockfile', 'pnpm build', 'pnpm test']) expect(ci).toContain(line);
  });

  it('its TypeScript examples build with typestep build', async () => {
    const examples = blocks('ts');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const root = await tempProject(Object.fromEntries(examples.map((code, i) => [`readme-${i}.workflow.ts`, code])));
    const result = await runCli(['build'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('out/asl/StockTrader.asl.json');
    expect(result.stdout).toContain('out/asl/PollJob.asl.json');
  });

  it('its config example is the repository’s typestep.config.json', async () => {
    const config = JSON.parse(await readFile(join(REPO, 'typestep.config.json'), 'utf8')) as unknown;
    expect(blocks('json').map((b) => JSON.parse(b) as unknown)).toContainEqual(config);
  });
});
