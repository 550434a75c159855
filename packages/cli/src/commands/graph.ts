import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';

const FORMATS = ['mermaid', 'svg', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface GraphCommandOptions {
  readonly format?: Format;
  readonly out?: string;
  readonly project: string;
}

const DESCRIPTION = `Draws a state machine the way the Step Functions console does: Start and End, one box per state (name and type), Choice edges labelled with their conditions and Default, Parallel branches and Map processors framed inside their state, Catch edges dashed and labelled with the errors they catch, loops drawn back up.

WORKFLOW is an ASL definition file (*.json), a workflow module (*.ts, *.mts, *.js, *.mjs) that exports one workflow, or the name of a workflow in the project (found like "typestep build" finds them).

Formats: mermaid (flowchart text for Markdown, the default), svg (a standalone drawing), html (a self-contained page to open in a browser). Without --format, the extension of --out decides (.mmd/.md, .svg, .html).`;

/** Registers `typestep graph`; the compiler, the layout engine and the workflow loader are imported only when it runs. */
export function registerGraphCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('graph')
    .summary('draw a state machine as Mermaid, SVG or an HTML page')
    .description(DESCRIPTION)
    .argument('<workflow>', 'an ASL file (*.json), a workflow module, or a workflow name')
    .addOption(new Option('-f, --format <format>', 'what to draw').choices(FORMATS))
    .option('-o, --out <file>', 'write the drawing to this file (folders are created) instead of standard output')
    .option('-p, --project <dir>', 'the project root, where a workflow name is looked up', '.')
    .action(async (target: string, options: GraphCommandOptions) => setExitCode(await runGraph(target, options, io)));
}

async function graph(target: string, options: GraphCommandOptions, io: Io): Promise<number> {
  const format = options.format ?? formatOf(options.out) ?? 'mermaid';
  const found = await definitionOf(target, options.project, io);
  if (found.problems > 0) {
    io.stderr(`typestep: note: workflow "${found.title}" has ${found.problems === 1 ? 'a problem' : `${found.problems} problems`}; "typestep build" lists them. Drawn as compiled.\n`);
  }

  const { renderGraph, GraphInputError } = await import('@typestep/compiler');
  let drawing: string;
  try {
    drawing = await renderGraph(found.definition, format, { title: found.title });
  } catch (error) {
    if (error instanceof GraphInputError) throw new UsageError(`${target}: ${error.message}`);
    throw error;
  }

  if (options.out === undefined) {
    io.stdout(drawing);
    return EXIT_OK;
  }
  const file = resolve(io.cwd, options.out);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, drawing);
  const { displayPath } = await import('../report.js');
  io.stdout(`${displayPath(file, io.cwd)}\n`);
  return EXIT_OK;
}

function formatOf(out: string | undefined): Format | undefined {
  const extension = out === undefined ? '' : extname(out).toLowerCase();
  if (extension === '.svg') return 'svg';
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.mmd' || extension === '.mermaid' || extension === '.md') return 'mermaid';
  return undefined;
}

interface Found {
  readonly definition: unknown;
  /** The drawing's title: the workflow's name, or the file's. */
  readonly title: string;
  /** How many diagnostics the compiler reported (a workflow is drawn anyway). */
  readonly problems: number;
}

/** The definition to draw: an ASL file as it is, or a workflow compiled. */
async function definitionOf(target: string, project: string, io: Io): Promise<Found> {
  if (/\.json$/i.test(target)) return readDefinitionFile(target, io.cwd);
  if (/\.[cm]?[jt]sx?$/i.test(target)) return fromModule(target, io.cwd);
  return byName(target, resolve(io.cwd, project), io.cwd);
}

async function readDefinitionFile(target: string, cwd: string): Promise<Found> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, target), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${target}: ${reason(error)}`);
  }
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${target} is not valid JSON: ${(error as Error).message} ("typestep validate ${target}" shows where)`);
  }
  return { definition, title: basename(target).replace(/(\.asl)?\.json$/i, ''), problems: 0 };
}

type Workflow = import('@typestep/compiler').WorkflowLike & { readonly workflow: { readonly name: string } };

async function fromModule(target: string, cwd: string): Promise<Found> {
  const file = resolve(cwd, target);
  try {
    await readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${target}: ${reason(error)}`);
  }
  return withWorkflows([file], cwd, (workflows, failures) => {
    if (failures.length > 0) throw ProblemError.loading(failures[0]!);
    if (workflows.length === 1) return workflows[0]!;
    if (workflows.length === 0) throw new UsageError(`${target} exports no workflow (a chain started with workflow(name, …))`);
    const names = workflows.map((w) => `"${w.workflow.name}"`).join(', ');
    throw new UsageError(`${target} exports ${workflows.length} workflows (${names}): give the name of the one to draw, e.g. typestep graph ${JSON.stringify(workflows[0]!.workflow.name)}`);
  });
}

async function byName(name: string, root: string, cwd: string): Promise<Found> {
  const [{ loadConfig }, { discoverWorkflowFiles }, { displayPath }] = await Promise.all([import('../config.js'), import('../discover.js'), import('../report.js')]);
  const config = await loadConfig(root);
  const files = await discoverWorkflowFiles(config, resolve(root, config.outDir));
  return withWorkflows(files, cwd, (workflows, failures) => {
    const matches = workflows.filter((w) => w.workflow.name === name);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new UsageError(`${matches.length} workflows are named "${name}"; "typestep build" says where`);
    if (failures.length > 0) throw ProblemError.loading(failures[0]!, ` (looking for a workflow named "${name}")`);
    const known = [...new Set(workflows.map((w) => w.workflow.name))].sort();
    const listed = known.length > 0 ? `; the workflows there are: ${known.map((n) => `"${n}"`).join(', ')}` : `; no workflow module was found there`;
    const where = root === cwd ? 'this project' : `the project at ${displayPath(root, cwd)}`;
    throw new UsageError(`no workflow named "${name}" in ${where}${listed}. To draw a file, give its path (*.json or a workflow module).`);
  });
}

/** A workflow module that threw while loading, or the compiler failing on a workflow: the command ran, and found a problem (exit 1). */
class ProblemError extends Error {
  static loading(failure: Failure, context = ''): ProblemError {
    return new ProblemError(`${failure.file} failed to load${context}: ${messageOf(failure.error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Failure {
  readonly file: string;
  readonly error: unknown;
}

/** Loads the modules, lets `choose` pick one exported workflow, and compiles it. */
async function withWorkflows(files: readonly string[], cwd: string, choose: (workflows: Workflow[], failures: Failure[]) => Workflow): Promise<Found> {
  const [{ loadModules }, { isWorkflow }, { compile }, { displayPath }] = await Promise.all([
    import('../load-modules.js'),
    import('@typestep/dsl'),
    import('@typestep/compiler'),
    import('../report.js'),
  ]);
  const { modules, release } = await loadModules(files);
  try {
    const failures = modules.flatMap((m) => (m.ok ? [] : [{ file: displayPath(m.file, cwd), error: m.error }]));
    const workflows = [...new Set(modules.flatMap((m) => (m.ok ? Object.values(m.exports).filter(isWorkflow) : [])))] as Workflow[];
    const chosen = choose(workflows, failures);
    let result;
    try {
      result = compile(chosen);
    } catch (error) {
      throw new ProblemError(`the compiler failed on workflow "${chosen.workflow.name}": ${messageOf(error)}`);
    }
    return { definition: result.definition, title: result.name, problems: result.diagnostics.length };
  } finally {
    await release();
  }
}

/** A module that failed to load, or a compiler that failed, is reported with exit 1; usage errors go on to the CLI's handler (exit 2). */
async function runGraph(target: string, options: GraphCommandOptions, io: Io): Promise<number> {
  try {
    return await graph(target, options, io);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    io.stderr(`typestep: ${error.message}\n`);
    return EXIT_PROBLEMS;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
