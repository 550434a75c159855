import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, REFERENCE_ASL, REPO, runCli, tempDir } from './support/run-cli.js';

const exec = promisify(execFile);
const BIN = join(REPO, 'packages/cli/bin/typestep.js');
const TRACE = join(REPO, 'packages/cli/test/support/trace-imports.mjs');

/** Runs the real `typestep` launcher (bin → dist) as its own process. */
async function typestep(argv: readonly string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', TRACE, BIN, ...argv], {
      cwd: REPO,
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The modules a command resolved (as file paths or package URLs). */
async function traced(argv: readonly string[]) {
  const file = join(await tempDir(), 'trace.txt');
  const result = await typestep(argv, { TYPESTEP_TRACE_FILE: file });
  const urls = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { ...result, urls };
}

// The launcher runs the compiled CLI: build it (and the packages it references) the way
// `pnpm build` does. tsc -b is incremental, so after `pnpm build` this is quick.
beforeAll(async () => {
  try {
    await exec(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli'], { cwd: REPO });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -b packages/cli failed, so the CLI process cannot be tested:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}, 180_000);
afterAll(cleanup);

describe('the typestep process (bin/typestep.js → dist)', () => {
  it('--help lists the commands and the exit codes, without loading the compiler', async () => {
    const result = await traced(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: typestep [options] [command]');
    expect(result.stdout).toMatch(/build \[options\]/);
    expect(result.stdout).toMatch(/validate \[options\] <files\.\.\.>/);
    expect(result.stdout).toContain('2  usage error');
    expect(result.urls.some((u) => u.includes('/dist/main.js'))).toBe(true);
    expect(result.urls.filter((u) => /compiler|esbuild|prettier|tinyglobby|zod/.test(u))).toEqual([]);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'packages/cli/package.json'), 'utf8')) as { version: string };
    const result = await typestep(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('build writes the same bytes as the in-process CLI on sources, and loads no AWS SDK', async () => {
    const [processOut, inProcessOut] = [await tempDir(), await tempDir()];
    const result = await traced(['build', '--out', processOut]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await runCli(['build', '--out', inProcessOut])).code).toBe(0);
    const names = (await readdir(processOut)).sort();
    expect(names).toEqual((await readdir(inProcessOut)).sort());
    for (const name of names) {
      expect(await readFile(join(processOut, name), 'utf8'), name).toBe(await readFile(join(inProcessOut, name), 'utf8'));
    }
    // The workflows were bundled and their bundles imported; packages stay external, loaded once.
    expect(result.urls.some((u) => /\/typestep-build-[^/]+\/entry-\d+\.js$/.test(u))).toBe(true);
    expect(new Set(result.urls.filter((u) => /\/packages\/dsl\/(dist|src)\/index\.[jt]s/.test(u)))).toEqual(new Set([expect.stringMatching(/\/packages\/dsl\/dist\/index\.js$/)]));
    expect(result.urls.filter((u) => /\/(@aws-sdk|@smithy)\//.test(u))).toEqual([]);
  });

  it('validate exits 0 on the seed machines and 2 on a missing file', async () => {
    const ok = await typestep(['validate', join(REFERENCE_ASL, '000-1.asl.json')]);
    expect(ok).toMatchObject({ code: 0, stdout: `${join(REFERENCE_ASL, '000-1.asl.json')}: valid\n` });
    const missing = await typestep(['validate', 'no-such.asl.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no-such.asl.json');
  });
});
