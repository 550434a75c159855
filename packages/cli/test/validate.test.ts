import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, lineOf, REFERENCE_ASL, REPO, runCli, tempDir } from './support/run-cli.js';

afterAll(cleanup);

const references = (await readdir(REFERENCE_ASL)).filter((f) => f.endsWith('.json')).sort();
const STOCK_TRADER = join(REFERENCE_ASL, '002-1.asl.json');
const STOCK_TRADER_SUBSTITUTIONS = ['StockCheckerFunctionArn', 'StockSellerFunctionArn', 'StockBuyerFunctionArn', 'DDBPutItem', 'DDBTable'];

/** A hand-written definition with a Next to a state that does not exist (line of "Nowhere" known). */
const DANGLING = `{
  "StartAt": "First",
  "States": {
    "First": {
      "Type": "Pass",
      "Next": "Nowhere"
    }
  }
}
`;

describe('typestep validate', () => {
  it('accepts every seed state machine (read in place), placeholders included', async () => {
    expect(references).toHaveLength(9);
    const files = references.map((f) => relative(REPO, join(REFERENCE_ASL, f)));
    const result = await runCli(['validate', ...files]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(files.map((f) => `${f}: valid\n`).join(''));
  });

  it('reports a hand-written invalid file with file:line:col and exits 1', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'dangling.asl.json'), DANGLING);
    const result = await runCli(['validate', 'dangling.asl.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^dangling\\.asl\\.json:${lineOf(DANGLING, 'Nowhere')}:\\d+ - error STEP104: .*"Nowhere"`, 'm'));
    expect(result.stderr).toContain('  at dangling.asl.json > First > Next\n');
    expect(result.stdout).toMatch(/^dangling\.asl\.json: \d+ problems?\n$/);
  });

  it('reports duplicate keys and JSON syntax errors as diagnostics', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'dup.asl.json'), '{\n  "StartAt": "A",\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" } }\n}\n');
    await writeFile(join(dir, 'syntax.asl.json'), '{ "StartAt": "A", \n');
    const result = await runCli(['validate', 'dup.asl.json', 'syntax.asl.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dup\.asl\.json:3:\d+ - error STEP201: /m);
    expect(result.stderr).toMatch(/^syntax\.asl\.json:\d+:\d+ - error STEP200: /m);
  });

  it('exits 1 when one file of several is invalid, listing the valid ones too', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.asl.json'), DANGLING);
    const result = await runCli(['validate', STOCK_TRADER, join(dir, 'bad.asl.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${STOCK_TRADER}: valid\n`);
    expect(result.stdout).toContain('bad.asl.json: ');
  });

  it('exits 2 on a missing file, naming it', async () => {
    const dir = await tempDir();
    const result = await runCli(['validate', 'missing.asl.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('typestep: cannot read missing.asl.json: no such file\n');
  });

  it('exits 2 without a file argument', async () => {
    const result = await runCli(['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'files'");
  });
});

describe('typestep validate --substitutions', () => {
  async function substitutionsFile(names: readonly string[], form: 'typestep' | 'sam' = 'typestep'): Promise<string> {
    const dir = await tempDir();
    const file = join(dir, 'subs.json');
    const map = Object.fromEntries(names.map((n) => [n, form === 'sam' ? `arn:aws:lambda:us-east-1:123456789012:function:${n}` : { description: null, default: null }]));
    await writeFile(file, JSON.stringify(map));
    return file;
  }

  it('accepts a map with exactly the placeholders used (typestep or SAM form)', async () => {
    for (const form of ['typestep', 'sam'] as const) {
      const result = await runCli(['validate', STOCK_TRADER, '--substitutions', await substitutionsFile(STOCK_TRADER_SUBSTITUTIONS, form)]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it('reports a placeholder missing from the map', async () => {
    const result = await runCli(['validate', STOCK_TRADER, '--substitutions', await substitutionsFile(STOCK_TRADER_SUBSTITUTIONS.filter((n) => n !== 'DDBTable'))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/002-1\.asl\.json:\d+:\d+ - error STEP601: .*DDBTable/);
  });

  it('reports an entry of the map that is never used', async () => {
    const result = await runCli(['validate', STOCK_TRADER, '--substitutions', await substitutionsFile([...STOCK_TRADER_SUBSTITUTIONS, 'NeverUsed'])]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/(error|warning) STEP602: .*NeverUsed/);
  });

  it('exits 2 when the substitutions file is missing or not an object', async () => {
    const dir = await tempDir();
    const missing = await runCli(['validate', STOCK_TRADER, '--substitutions', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the substitutions file');
    await writeFile(join(dir, 'array.json'), '[]');
    const array = await runCli(['validate', STOCK_TRADER, '--substitutions', join(dir, 'array.json')]);
    expect(array.code).toBe(2);
    expect(array.stderr).toContain('must be a JSON object');
  });
});

describe('typestep validate --output json', () => {
  it('lists each file with its diagnostics', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.asl.json'), DANGLING);
    const result = await runCli(['validate', '--output', 'json', 'bad.asl.json', STOCK_TRADER], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { valid: boolean; files: { file: string; valid: boolean; diagnostics: { code: string; source?: { file: string; line: number } }[] }[] };
    expect(report.valid).toBe(false);
    expect(report.files.map((f) => [f.file, f.valid])).toEqual([['bad.asl.json', false], [STOCK_TRADER, true]]);
    expect(report.files[0]!.diagnostics.find((d) => d.code === 'STEP104')?.source).toMatchObject({ file: 'bad.asl.json', line: lineOf(DANGLING, 'Nowhere') });
  });
});
