import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

/*
 * Users compile with TypeScript 5.9 (classic) or 7 (native). The DSL's types, its type tests
 * (whose @ts-expect-error lines must still be errors) and the examples must check clean under
 * both; `pnpm test`'s own typecheck covers 5.9, this covers 7.
 */
const run = promisify(execFile);
const root = new URL('../../../', import.meta.url);
const project = fileURLToPath(new URL('../tsconfig.typecheck.json', import.meta.url));

describe('TypeScript versions', () => {
  test.each([
    ['5.9', 'node_modules/typescript/bin/tsc'],
    ['7', 'node_modules/typescript7/bin/tsc'],
  ])('TypeScript %s checks the DSL, its type tests and the examples without errors', async (_version, bin) => {
    const tsc = fileURLToPath(new URL(bin, root));
    const result = await run(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { maxBuffer: 8 << 20 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout: string; stderr: string }) => ({ code: error.code ?? -1, stdout: error.stdout, stderr: error.stderr }),
    );
    // The errors tsc found (on stdout) are the useful failure message; the exit code catches the rest.
    expect(result.stdout.trim()).toBe('');
    expect(result).toMatchObject({ code: 0, stderr: '' });
  }, 120_000);
});
