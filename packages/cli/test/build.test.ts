import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isWorkflow } from '@typestep/dsl';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, lineOf, REFERENCE_ASL, REPO, runCli, tempDir, tempProject, writeFiles } from './support/run-cli.js';

afterAll(cleanup);

/** Every file in a folder, name → bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

/** The names of every workflow the examples export, found independently of the CLI. */
async function exampleWorkflowNames(): Promise<string[]> {
  const files = await glob('examples/**/*.workflow.ts', { cwd: REPO, absolute: true, ignore: ['**/node_modules/**'] });
  const names: string[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of new Set(Object.values(module))) if (isWorkflow(value)) names.push(value.workflow.name);
  }
  return names.sort();
}

const DUPLICATE = `import { workflow } from '@typestep/dsl';

export default workflow('Duplicate')
  .pass('Twice')
  .pass('Twice');
`;

const DANGLING = `import { workflow } from '@typestep/dsl';

export default workflow('Dangling')
  .pass('Start')
  .pass('Loop')
  .unsafeGoto('Nowhere');
`;

const HELLO = (name: string) => `import { workflow } from '@typestep/dsl';

export const hello = workflow('${name}').pass('Hello', { result: { greeting: 'hello' } });
`;

describe('typestep build on the examples', () => {
  it('writes every example workflow, byte-identical from one build to the next', async () => {
    const out = await tempDir();
    const first = await runCli(['build', '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const names = await exampleWorkflowNames();
    expect(names.length).toBeGreaterThanOrEqual(9);
    const expected = names.flatMap((n) => [`${n}.asl.json`, `${n}.substitutions.json`]).sort();
    const written = (await readdir(out)).filter((f) => !f.startsWith('.')).sort();
    expect(written).toEqual(expected);

    // One line per written file, then the summary.
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((l) => l.split('/').pop()).sort()).toEqual(expected);
    expect(lines.at(-1)).toMatch(new RegExp(`^built ${names.length} workflows from \\d+ files into `));

    const before = await snapshot(out);
    const second = await runCli(['build', '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(await snapshot(out)).toEqual(before);
  });

  it('reproduces every seed state machine among its outputs', async () => {
    const out = await tempDir();
    expect((await runCli(['build', '--out', out])).code).toBe(0);
    const outputs = await Promise.all(
      (await readdir(out)).filter((f) => f.endsWith('.asl.json')).map(async (f) => JSON.parse(await readFile(join(out, f), 'utf8')) as unknown),
    );
    const references = (await readdir(REFERENCE_ASL)).filter((f) => f.endsWith('.asl.json'));
    expect(references).toHaveLength(9);
    for (const reference of references) {
      const expected = JSON.parse(await readFile(join(REFERENCE_ASL, reference), 'utf8')) as unknown;
      expect(outputs, reference).toContainEqual(expected);
    }
  });

  it('writes prettier-formatted JSON and the substitutions map', async () => {
    const out = await tempDir();
    expect((await runCli(['build', '--out', out])).code).toBe(0);
    const asl = await readFile(join(out, 'StockTrader.asl.json'), 'utf8');
    expect(asl).toMatch(/^\{\n  "Comment": /);
    expect(asl.endsWith('}\n')).toBe(true);
    const substitutions = JSON.parse(await readFile(join(out, 'StockTrader.substitutions.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(substitutions).sort()).toEqual(['DDBPutItem', 'DDBTable', 'StockBuyerFunctionArn', 'StockCheckerFunctionArn', 'StockSellerFunctionArn']);
  });

  it('uses typestep.config.json at the project root: --project and the outDir it names', async () => {
    const root = await tempProject({
      'typestep.config.json': JSON.stringify({ workflows: ['flows/*.flow.ts'], outDir: 'generated' }),
      'flows/a.flow.ts': HELLO('FromConfig'),
      // Not matched by the config's pattern, so never loaded (it would throw).
      'other.workflow.ts': `throw new Error('must not be loaded');\n`,
    });
    const result = await runCli(['build', '--project', root], REPO);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await readdir(join(root, 'generated'))).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'FromConfig.asl.json',
      'FromConfig.substitutions.json',
    ]);
    const asl = JSON.parse(await readFile(join(root, 'generated/FromConfig.asl.json'), 'utf8')) as unknown;
    expect(asl).toEqual({ StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: { greeting: 'hello' }, End: true } } });
  });
});

describe('typestep build without a config file', () => {
  it('builds every **/*.workflow.ts outside node_modules, dist and out into out/asl', async () => {
    const root = await tempProject({
      'a.workflow.ts': HELLO('Alpha'),
      'nested/deeper/b.workflow.ts': HELLO('Beta'),
      'helpers.ts': `throw new Error('not a workflow module, never loaded');\n`,
      'dist/c.workflow.ts': `throw new Error('dist is never searched');\n`,
      'out/d.workflow.ts': `throw new Error('out is never searched');\n`,
      'node_modules/pkg/e.workflow.ts': `throw new Error('node_modules is never searched');\n`,
    });
    const result = await runCli(['build'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'out/asl/Alpha.asl.json',
        'out/asl/Alpha.substitutions.json',
        'out/asl/Beta.asl.json',
        'out/asl/Beta.substitutions.json',
        'built 2 workflows from 2 files into out/asl',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(root, 'out/asl/Alpha.substitutions.json'), 'utf8')).toBe('{}\n');
  });

  it('--out overrides the output folder, and a chain exported twice is one workflow', async () => {
    const root = await tempProject({
      'twice.workflow.ts': `${HELLO('Twice')}export default hello;\nexport const notAWorkflow = 42;\nexport function alsoNot() {}\n`,
    });
    const result = await runCli(['build', '--out', 'elsewhere'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('built 1 workflow from 1 file into elsewhere');
    expect(existsSync(join(root, 'elsewhere/Twice.asl.json'))).toBe(true);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});

describe('typestep build failures', () => {
  it('lists every diagnostic of every workflow with file:line, writes nothing and exits 1', async () => {
    const root = await tempProject({ 'duplicate.workflow.ts': DUPLICATE, 'dangling.workflow.ts': DANGLING, 'good.workflow.ts': HELLO('Good') });
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // The second `.pass('Twice')` is the duplicate.
    const duplicateLine = lineOf(DUPLICATE, "pass('Twice')") + 1;
    expect(result.stderr).toMatch(new RegExp(`^duplicate\\.workflow\\.ts:${duplicateLine}:\\d+ - error STEP101: Two states are named "Twice"`, 'm'));
    expect(result.stderr).toContain('  at Duplicate > Twice\n');
    // The dangling jump is reported at the state it leaves (or the goto itself).
    const danglingLines = [lineOf(DANGLING, "pass('Loop')"), lineOf(DANGLING, 'unsafeGoto')].join('|');
    expect(result.stderr).toMatch(new RegExp(`^dangling\\.workflow\\.ts:(${danglingLines}):\\d+ - error STEP104: .*"Nowhere"`, 'm'));
    expect(result.stderr).toContain('  at Dangling > Loop > Next\n');
    expect(result.stderr).toMatch(/\ntypestep build: \d+ problems; nothing was written to out\/asl\n$/);
    // All or nothing: the good workflow is not written either.
    expect(existsSync(join(root, 'out/asl'))).toBe(false);
  });

  it('removes the previous build’s files when a build fails, and outputs of workflows that no longer exist', async () => {
    const root = await tempProject({ 'a.workflow.ts': HELLO('Alpha'), 'b.workflow.ts': HELLO('Beta') });
    expect((await runCli(['build'], root)).code).toBe(0);
    const out = join(root, 'out/asl');
    expect((await readdir(out)).sort()).toEqual([
      '.typestep-build.json',
      'Alpha.asl.json',
      'Alpha.substitutions.json',
      'Beta.asl.json',
      'Beta.substitutions.json',
    ]);
    // A file the build does not own is left alone.
    await writeFile(join(out, 'hand-written.asl.json'), '{}\n');

    // Beta is renamed: its old files go.
    await writeFiles(root, { 'b.workflow.ts': HELLO('Gamma') });
    const renamed = await runCli(['build'], root);
    expect(renamed.code).toBe(0);
    expect((await readdir(out)).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'Alpha.asl.json',
      'Alpha.substitutions.json',
      'Gamma.asl.json',
      'Gamma.substitutions.json',
      'hand-written.asl.json',
    ]);

    // Now a module throws: no output of this project is left looking fresh.
    await writeFiles(root, { 'b.workflow.ts': `throw new Error('boom');\n` });
    const failed = await runCli(['build'], root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('(removed 4 outdated files)');
    expect(await readdir(out)).toEqual(['hand-written.asl.json']);
  });

  it('gives each workflow module its own import.meta.url, so it can read files next to it', async () => {
    const root = await tempProject({
      'buckets.json': JSON.stringify(['logs', 'media']),
      'nested/per-bucket.workflow.ts': `import { readFileSync } from 'node:fs';
import { untyped, workflow } from '@typestep/dsl';

const buckets: string[] = JSON.parse(readFileSync(new URL('../buckets.json', import.meta.url), 'utf8'));
export default workflow('PerBucket', { input: untyped }).parallel('Each', {
  branches: buckets.map((bucket) => (b: any) => b.pass(bucket, { result: { dir: import.meta.dirname.endsWith('nested') } })),
});
`,
    });
    const result = await runCli(['build'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const asl = JSON.parse(await readFile(join(root, 'out/asl/PerBucket.asl.json'), 'utf8'));
    expect(asl.States.Each.Branches.map((branch: { StartAt: string }) => branch.StartAt)).toEqual(['logs', 'media']);
    expect(asl.States.Each.Branches[0].States.logs.Result).toEqual({ dir: true });
  });

  it('says plainly, without a stack trace, when the output folder cannot be written', async () => {
    const root = await tempProject({ 'a.workflow.ts': HELLO('Alpha'), 'not-a-folder': 'a file' });
    const result = await runCli(['build', '--out', 'not-a-folder'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^typestep: E(EXIST|NOTDIR): .*not-a-folder/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('names the file and the thrown message when a module throws while loading', async () => {
    const source = `import { workflow } from '@typestep/dsl';\n\nconst config = JSON.parse('{}');\nif (!config.bucket) throw new Error('BUCKET is not configured');\nexport default workflow('Never').pass('P');\n`;
    const root = await tempProject({ 'throws.workflow.ts': source, 'fine.workflow.ts': HELLO('Fine') });
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `throws.workflow.ts:${lineOf(source, 'throw new Error')}:`,
    );
    expect(result.stderr).toMatch(/throws\.workflow\.ts:4:\d+ - error BUILD002: the module threw while loading: BUCKET is not configured/);
    expect(existsSync(join(root, 'out/asl'))).toBe(false);
  });

  it('reports a module that does not compile as TypeScript syntax', async () => {
    const root = await tempProject({ 'syntax.workflow.ts': `export const x = ;\n` });
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('syntax.workflow.ts');
    expect(result.stderr).toContain('BUILD002');
  });

  it('refuses two workflows with the same name, naming both files', async () => {
    const root = await tempProject({ 'one.workflow.ts': HELLO('Same'), 'sub/two.workflow.ts': `import { workflow } from '@typestep/dsl';\n\nexport default workflow('Same').pass('Other');\n` });
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error BUILD003: two workflows are named "Same": export "hello" of one.workflow.ts and the default export of sub/two.workflow.ts');
    expect(result.stderr).toMatch(/^sub\/two\.workflow\.ts:3:\d+ - error BUILD003/m);
    expect(existsSync(join(root, 'out/asl'))).toBe(false);
  });

  it('exits 1 when nothing matches, and when no matched file exports a workflow', async () => {
    const empty = await tempProject({});
    const none = await runCli(['build'], empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error BUILD001: no workflow files match "**/*.workflow.ts" in .\n');

    const noExports = await tempProject({ 'x.workflow.ts': 'export const answer = 42;\n' });
    const result = await runCli(['build'], noExports);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error BUILD005: none of the 1 matched file exports a workflow');
  });

  it('exits 2 on an invalid config file or a bad option', async () => {
    const badJson = await tempProject({ 'typestep.config.json': '{ "workflows": [' });
    const a = await runCli(['build'], badJson);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^typestep: .*typestep\.config\.json is not valid JSON/);

    const unknownField = await tempProject({ 'typestep.config.json': '{ "workflow": ["*.ts"] }' });
    const b = await runCli(['build'], unknownField);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('unknown field "workflow"');

    const c = await runCli(['build', '--frobnicate']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("unknown option '--frobnicate'");
  });
});

describe('typestep build --output json', () => {
  it('prints the written workflows', async () => {
    const root = await tempProject({ 'a.workflow.ts': HELLO('Alpha') });
    const result = await runCli(['build', '--output', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      outDir: 'out/asl',
      workflows: [{ name: 'Alpha', file: 'a.workflow.ts', exports: ['hello'], asl: 'out/asl/Alpha.asl.json', substitutions: 'out/asl/Alpha.substitutions.json' }],
      removed: [],
      diagnostics: [],
    });
  });

  it('prints every diagnostic as an object', async () => {
    const root = await tempProject({ 'dangling.workflow.ts': DANGLING });
    const result = await runCli(['build', '--output', 'json'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { ok: boolean; diagnostics: { code: string; workflow: string; source?: { file: string; line: number } }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toContain('STEP104');
    for (const d of report.diagnostics) {
      expect(d.workflow).toBe('Dangling');
      expect(d.source?.file).toBe('dangling.workflow.ts');
    }
  });
});
