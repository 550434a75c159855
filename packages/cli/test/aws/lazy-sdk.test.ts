import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, REPO, tempDir } from '../support/run-cli.js';

const exec = promisify(execFile);
const MAIN = join(REPO, 'packages/cli/src/main.ts');
const TRACE = join(REPO, 'packages/cli/test/support/trace-imports.mjs');
const AWS_SDK = /\/(@aws-sdk|@smithy)\//;

afterAll(cleanup);

/**
 * Runs `typestep …argv` as its own process from the CLI's sources (tsx; the workspace packages
 * through their typestep-source condition: the same import graph as dist, which tsc compiles file
 * for file), and returns every module URL it resolved.
 */
async function modulesLoadedBy(argv: readonly string[]): Promise<{ code: number; stderr: string; urls: string[] }> {
  const trace = join(await tempDir(), 'trace.txt');
  let code = 0;
  let stderr = '';
  try {
    ({ stderr } = await exec(process.execPath, ['--conditions=typestep-source', '--import', 'tsx', '--import', TRACE, MAIN, ...argv], {
      cwd: REPO,
      env: { ...process.env, NODE_OPTIONS: '', TYPESTEP_TRACE_FILE: trace },
    }));
  } catch (error) {
    ({ code, stderr } = error as { code: number; stderr: string });
  }
  const urls = (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  expect(urls.some((url) => url.endsWith('/packages/cli/src/program.ts')), `the trace saw the CLI load:\n${stderr}`).toBe(true);
  return { code, stderr, urls };
}

describe('the AWS SDK is loaded only by the commands that call AWS', () => {
  it('typestep --help and push --help load no @aws-sdk or @smithy module', async () => {
    for (const argv of [['--help'], ['push', '--help']]) {
      const { code, urls } = await modulesLoadedBy(argv);
      expect(code).toBe(0);
      expect(urls.filter((url) => AWS_SDK.test(url))).toEqual([]);
    }
  });

  it('typestep build loads none either', async () => {
    const { code, stderr, urls } = await modulesLoadedBy(['build', '--out', await tempDir()]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(urls.filter((url) => AWS_SDK.test(url))).toEqual([]);
  });

  it('(the check itself works: a command that calls AWS does load it)', async () => {
    const { code, urls } = await modulesLoadedBy(['describe', 'StockTrader', '--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-east-1']);
    expect(code).toBe(1);
    expect(urls.some((url) => /\/@aws-sdk\/client-sfn\//.test(url))).toBe(true);
  });
}, 120_000);
