/**
 * The README's "Deploying and running workflows" section, run: its handlers module binds the seeds'
 * Lambda functions on a local endpoint, and every typestep command of its bash blocks runs, in
 * order, against it with --local (TYPESTEP_LOCAL_ENDPOINT pointing there) and succeeds.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startEndpoint } from '../../../packages/cli/test/aws/support/local-endpoint.js';
import { typestep } from '../../../packages/cli/test/aws/support/typestep.js';
import { repoRoot } from '../../support/examples.js';

const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
const section = /\n## Deploying and running workflows\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

/** A command line split as sh splits it, for the little the README uses: words and '…' quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (const [token, quoted, plain, other] of line.matchAll(/\s+|'([^']*)'|([^\s'"\\$`;|&<>()]+)|(.)/g)) {
    if (other !== undefined) throw new Error(`the README test does not understand "${other}" in: ${line}`);
    if (/^\s+$/.test(token)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + (quoted ?? plain);
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'typestep-readme-'));
  const [handlers] = blocks('js');
  expect(handlers, 'the section shows the handlers module').toBeDefined();
  await writeFile(join(scratch, 'local-handlers.mjs'), handlers!);
  const tasks = ((await import(pathToFileURL(join(scratch, 'local-handlers.mjs')).href)) as { default: Record<string, () => unknown> }).default;
  // As `typestep local --handlers local-handlers.mjs --clock virtual`, the command the section shows.
  expect(blocks('console').join('')).toContain('$ typestep local --handlers local-handlers.mjs --clock virtual\n');
  endpoint = await startEndpoint({ tasks, clock: 'virtual' });
  vi.stubEnv('TYPESTEP_LOCAL_ENDPOINT', endpoint.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await endpoint.close();
  await rm(scratch, { recursive: true, force: true });
});

it('shows seed 004 (create, start, describe), seed 002 (the SAM stock trader) and seed 000 (the image pipeline)', () => {
  const commands = blocks('bash').join('');
  for (const expected of ['typestep push HelloWorldLambdas', 'typestep start HelloWorldLambdas', 'typestep describe arn:', 'typestep push StockTrader --sub', 'typestep push ImagePipeline --sub']) {
    expect(commands).toContain(expected);
  }
});

it('every typestep command of the section runs and succeeds', async () => {
  const lines = blocks('bash').flatMap((block) => block.split('\n')).filter((line) => line.trim() !== '');
  expect(lines.length).toBeGreaterThanOrEqual(10);
  for (const line of lines) {
    const [command, ...argv] = shellWords(line);
    if (command === 'export') {
      const [name, value] = argv[0]!.split(/=(.*)/s);
      vi.stubEnv(name!, value!);
      continue;
    }
    expect(command, line).toBe('typestep');
    // push builds the project: into a scratch folder rather than the repository's out/asl.
    const args = argv[0] === 'push' ? [...argv, '--out', join(scratch, 'out')] : argv;
    const result = await typestep(args, { cwd: repoRoot });
    expect(result.code, `${line}\n${result.stderr}`).toBe(0);
  }
}, 120_000);

it('its stage example is a typestep.config.json push accepts', async () => {
  const [config] = blocks('json');
  const project = await mkdtemp(join(scratch, 'project-'));
  await writeFile(join(project, 'typestep.config.json'), config!);
  await writeFile(join(project, 'Orders.asl.json'), '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${DDBTable}","End":true}}}');
  const result = await typestep(['push', 'Orders.asl.json', '--stage', 'prod', '--dry-run', '--local'], { cwd: project });
  expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'Orders: would be created\ndry run: nothing was pushed\n' });
});
