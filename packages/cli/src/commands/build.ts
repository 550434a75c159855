import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@typestep/compiler';
import { loadConfig } from '../config.js';
import { discoverWorkflowFiles } from '../discover.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../exit-codes.js';
import type { Io } from '../io.js';
import { loadModules, type LoadedModule, type LoadedModules } from '../load-modules.js';
import { removeOutputs, writeOutputs, type OutputFile } from '../output.js';
import { displayPath, formatProblem, jsonText, plural, relativeToCwd } from '../report.js';

export interface BuildOptions {
  /** The project root (where typestep.config.json is); default: the working directory. */
  readonly project?: string;
  /** Overrides the config's outDir. */
  readonly out?: string;
  readonly output: 'text' | 'json';
}

/** One exported workflow and where it came from. */
interface Found {
  readonly file: string;
  readonly exports: string[];
  readonly chain: unknown;
  readonly name: string;
  /** Where `workflow(name, …)` was called. */
  readonly site: Diagnostic['source'];
}

/**
 * Codes of the problems the build itself finds (the compiler's diagnostics have their own codes).
 */
export const BUILD_CODES = {
  noFiles: 'BUILD001',
  loadFailed: 'BUILD002',
  duplicateName: 'BUILD003',
  compileFailed: 'BUILD004',
  noWorkflows: 'BUILD005',
} as const;

/**
 * `typestep build`: finds the project's workflow modules, imports them, compiles every exported
 * workflow and writes `<Name>.asl.json` and `<Name>.substitutions.json`. All or nothing: when
 * anything is wrong (a diagnostic in any workflow, a module that throws, two workflows with one
 * name) no file is written, every problem is listed, outputs of the previous build are removed,
 * and the exit code is 1.
 */
export async function build(options: BuildOptions, io: Io): Promise<number> {
  const root = resolve(io.cwd, options.project ?? '.');
  const config = await loadConfig(root);
  const outDir = options.out !== undefined ? resolve(io.cwd, options.out) : resolve(root, config.outDir);
  const show = (file: string) => displayPath(file, io.cwd);

  const problems: Diagnostic[] = [];
  const files = await discoverWorkflowFiles(config, outDir);
  if (files.length === 0) {
    const patterns = config.workflows.map((p) => JSON.stringify(p)).join(', ');
    const from = config.file ? ` (from ${show(config.file)})` : '';
    problems.push(buildProblem(BUILD_CODES.noFiles, `no workflow files match ${patterns} in ${show(root)}${from}`));
    const removed = await removeOutputs(outDir, []);
    return finish(io, options, outDir, show, { problems, found: [], written: [], removed });
  }

  // The compiler loads while esbuild bundles the workflow modules.
  const toolchain = Promise.all([import('@typestep/dsl'), import('@typestep/compiler')]);
  toolchain.catch(() => undefined);
  const { modules, release, originalPlace } = await loadModules(files);
  let compiled: Compiled;
  try {
    compiled = await compileModules(modules, show, io.cwd, await toolchain, originalPlace);
  } finally {
    // Only now: the places in diagnostics (file:line) are read through the bundles' source maps.
    await release();
  }
  const { found, outputs, written } = compiled;
  problems.push(...compiled.problems);

  if (problems.length > 0) {
    const removed = await removeOutputs(outDir, [...new Set(found.map((f) => f.name))].flatMap((name) => [`${name}.asl.json`, `${name}.substitutions.json`]));
    return finish(io, options, outDir, show, { problems, found, written: [], removed });
  }
  const { removed } = await writeOutputs(outDir, outputs);
  return finish(io, options, outDir, show, {
    problems,
    found,
    written: written.map(({ entry, files: names }) => ({ entry, files: names.map((n) => resolve(outDir, n)) })),
    removed,
    fileCount: files.length,
  });
}

interface Compiled {
  readonly found: readonly Found[];
  readonly outputs: readonly OutputFile[];
  readonly written: readonly { entry: Found; files: string[] }[];
  readonly problems: readonly Diagnostic[];
}

/** Finds the exported workflows, checks their names are unique, compiles and formats them all. */
async function compileModules(
  modules: readonly LoadedModule[],
  show: (file: string) => string,
  cwd: string,
  [{ isWorkflow }, compiler]: [typeof import('@typestep/dsl'), typeof import('@typestep/compiler')],
  originalPlace: LoadedModules['originalPlace'],
): Promise<Compiled> {
  // Places point into the bundled modules until mapped back to the user's files.
  const inSource = (d: Diagnostic): Diagnostic => {
    const place = d.source && originalPlace(d.source.file, d.source.line, d.source.column);
    return place ? { ...d, source: place } : d;
  };
  const problems: Diagnostic[] = [];

  // Collect the exported workflows; the same chain exported twice is one workflow.
  const found: Found[] = [];
  const byChain = new Map<unknown, Found>();
  for (const module of modules) {
    if (!module.ok) {
      problems.push(loadProblem(module.file, module.error, show, originalPlace));
      continue;
    }
    for (const [exportName, value] of Object.entries(module.exports)) {
      if (!isWorkflow(value)) continue;
      const seen = byChain.get(value);
      if (seen) {
        seen.exports.push(exportName);
        continue;
      }
      const entry: Found = { file: module.file, exports: [exportName], chain: value, name: value.workflow.name, site: siteOf(value.workflow, show, originalPlace) };
      byChain.set(value, entry);
      found.push(entry);
    }
  }
  if (found.length === 0 && problems.length === 0) {
    problems.push(buildProblem(BUILD_CODES.noWorkflows, `none of the ${plural(modules.length, 'matched file')} exports a workflow (a chain started with workflow(name, …))`));
  }

  // Two workflows with one name would write the same file.
  const byName = new Map<string, Found>();
  for (const entry of found) {
    const first = byName.get(entry.name);
    if (!first) {
      byName.set(entry.name, entry);
      continue;
    }
    problems.push({
      ...buildProblem(
        BUILD_CODES.duplicateName,
        `two workflows are named "${entry.name}": ${describe(first, show)} and ${describe(entry, show)}; state machine names must be unique in a project`,
        entry.site,
      ),
      workflow: entry.name,
    });
  }

  // Compile everything, so every problem is listed at once.
  const outputs: OutputFile[] = [];
  const written: { entry: Found; files: string[] }[] = [];
  for (const entry of found) {
    let result;
    try {
      result = compiler.compile(entry.chain as Parameters<typeof compiler.compile>[0]);
    } catch (error) {
      problems.push({
        ...buildProblem(BUILD_CODES.compileFailed, `the compiler failed on workflow "${entry.name}" (${describe(entry, show)}): ${messageOf(error)}`),
        workflow: entry.name,
      });
      continue;
    }
    problems.push(...result.diagnostics.map((d) => relativeToCwd(inSource(d), cwd)));
    if (result.diagnostics.length > 0) continue;
    const asl = `${result.name}.asl.json`;
    const substitutions = `${result.name}.substitutions.json`;
    outputs.push(
      { name: asl, text: compiler.formatDefinition(result.definition) },
      { name: substitutions, text: compiler.formatDefinition(result.substitutions) },
    );
    written.push({ entry, files: [asl, substitutions] });
  }
  return { found, outputs, written, problems };
}

interface Outcome {
  readonly problems: readonly Diagnostic[];
  readonly found: readonly Found[];
  readonly written: readonly { entry: Found; files: string[] }[];
  /** Output files of an earlier build that were removed. */
  readonly removed: readonly string[];
  readonly fileCount?: number;
}

async function finish(io: Io, options: BuildOptions, outDir: string, show: (file: string) => string, outcome: Outcome): Promise<number> {
  const ok = outcome.problems.length === 0;
  if (options.output === 'json') {
    io.stdout(
      jsonText({
        ok,
        outDir: show(outDir),
        workflows: outcome.written.map(({ entry, files }) => ({
          name: entry.name,
          file: show(entry.file),
          exports: entry.exports,
          asl: show(files[0]!),
          substitutions: show(files[1]!),
        })),
        removed: outcome.removed.map((name) => show(resolve(outDir, name))),
        diagnostics: outcome.problems,
      }),
    );
    return ok ? EXIT_OK : EXIT_PROBLEMS;
  }
  if (!ok) {
    const { formatDiagnostic } = await import('@typestep/compiler');
    for (const problem of outcome.problems) io.stderr(`${formatProblem(problem, formatDiagnostic)}\n\n`);
    io.stderr(`typestep build: ${plural(outcome.problems.length, 'problem')}; nothing was written to ${show(outDir)}`);
    io.stderr(outcome.removed.length > 0 ? ` (removed ${plural(outcome.removed.length, 'outdated file')})\n` : '\n');
    return EXIT_PROBLEMS;
  }
  for (const { files } of outcome.written) for (const file of files) io.stdout(`${show(file)}\n`);
  io.stdout(`built ${plural(outcome.written.length, 'workflow')} from ${plural(outcome.fileCount ?? 0, 'file')} into ${show(outDir)}\n`);
  return EXIT_OK;
}

function buildProblem(code: string, message: string, source?: Diagnostic['source']): Diagnostic {
  return { code, severity: 'error', message, workflow: '', location: [], statePath: '', ...(source && { source }) };
}

function describe(entry: Found, show: (file: string) => string): string {
  return `${entry.exports.map((e) => (e === 'default' ? 'the default export' : `export "${e}"`)).join(' and ')} of ${show(entry.file)}`;
}

function loadProblem(file: string, error: unknown, show: (file: string) => string, originalPlace: LoadedModules['originalPlace']): Diagnostic {
  const site = throwSite(error, file, originalPlace);
  const source = { file: show(file), line: site?.line ?? 1, column: site?.column ?? 1 };
  return { ...buildProblem(BUILD_CODES.loadFailed, `the module threw while loading: ${messageOf(error)}`, source), workflow: show(file) };
}

/** The `workflow()` call's place, from the site the DSL captured (when it has one). */
function siteOf(meta: object, show: (file: string) => string, originalPlace: LoadedModules['originalPlace']): Diagnostic['source'] {
  const captured = (meta as { site?: { site?: { file: string; line: number; column: number } } }).site?.site;
  const site = captured && (originalPlace(captured.file, captured.line, captured.column) ?? captured);
  return site && { file: show(site.file), line: site.line, column: site.column };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error.message}`;
  return String(error);
}

/** The first stack frame inside the module itself: where it threw. */
function throwSite(error: unknown, file: string, originalPlace: LoadedModules['originalPlace']): { line: number; column: number } | undefined {
  const stack = error instanceof Error ? error.stack ?? '' : '';
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^()\s]+?)(?:\?[^:()\s]*)?:(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!match) continue;
    const path = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    const place = originalPlace(path, Number(match[2]), Number(match[3])) ?? { file: path, line: Number(match[2]), column: Number(match[3]) };
    if (place.file === file) return { line: place.line, column: place.column };
  }
  return undefined;
}
