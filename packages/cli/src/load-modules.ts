import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message, Plugin } from 'esbuild';
import type { TraceMap } from '@jridgewell/trace-mapping';

/** A workflow module that loaded, or the error it threw while loading. */
export type LoadedModule =
  | { readonly file: string; readonly ok: true; readonly exports: Readonly<Record<string, unknown>> }
  | { readonly file: string; readonly ok: false; readonly error: unknown };

/**
 * Imports the user's TypeScript workflow modules. esbuild bundles them (one entry per file, shared
 * code split into common chunks so a chain exported from two files stays one object) into a fresh
 * temporary folder, and Node imports the bundles natively: no loader hooks or loader thread, and
 * every build sees the sources as they are now. Packages stay external, imported from where they
 * are installed, so a workflow's `@typestep/dsl` is the instance the CLI already loaded.
 *
 * Places the DSL captured (builder calls) and stacks of thrown errors point into the bundles;
 * `originalPlace` maps them back to the user's files through the bundles' source maps. Call
 * `release()` (which deletes the bundles) only when done with both.
 */
export async function loadModules(files: readonly string[]): Promise<LoadedModules> {
  const esbuild = await import('esbuild');
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const outdir = await mkdtemp(join(tmpdir(), 'typestep-build-'));
  const release = () => rm(outdir, { recursive: true, force: true });

  const maps = new Map<string, TraceMap | null>();
  const originalPlace = (file: string, line: number, column: number): Place | undefined => {
    if (!file.startsWith(outdir)) return undefined;
    if (!maps.has(file)) {
      try {
        maps.set(file, new TraceMap(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        maps.set(file, null);
      }
    }
    const map = maps.get(file);
    const position = map ? originalPositionFor(map, { line, column: column - 1 }) : undefined;
    if (!position?.source || position.line === null) return undefined;
    return { file: resolve(dirname(file), position.source), line: position.line, column: position.column + 1 };
  };

  const bundle = (entries: readonly string[]) =>
    esbuild.build({
      entryPoints: entries.map((file, index) => ({ in: file, out: `entry-${index}` })),
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'external',
      sourcesContent: false,
      conditions: RUNNING_FROM_SOURCES ? ['typestep-source'] : [],
      plugins: [externalPackages, originalImportMeta],
      logLevel: 'silent',
      write: true,
    });

  // A file with a syntax error fails the whole bundle: report it, and bundle the others without it.
  const failed = new Map<string, Error>();
  let entries = [...files];
  for (;;) {
    try {
      await rm(outdir, { recursive: true, force: true });
      await bundle(entries);
      break;
    } catch (error) {
      const messages: Message[] = (error as { errors?: Message[] }).errors ?? [];
      const broken = entries.filter((file) => messages.some((m) => m.location && resolve(m.location.file) === file));
      for (const file of broken) failed.set(file, compileError(messages.find((m) => resolve(m.location!.file) === file)!, file));
      if (broken.length === 0) {
        // The error is in something the workflows import: every remaining file is affected.
        for (const file of entries) failed.set(file, compileError(messages[0], file, error));
        entries = [];
        break;
      }
      entries = entries.filter((file) => !failed.has(file));
      if (entries.length === 0) break;
    }
  }

  const imported = await Promise.allSettled(
    entries.map((_file, index) => import(pathToFileURL(join(outdir, `entry-${index}.js`)).href) as Promise<Record<string, unknown>>),
  );
  const byFile = new Map(entries.map((file, index) => [file, imported[index]!]));
  const modules = files.map((file): LoadedModule => {
    const error = failed.get(file);
    if (error) return { file, ok: false, error };
    const result = byFile.get(file)!;
    return result.status === 'fulfilled' ? { file, ok: true, exports: result.value } : { file, ok: false, error: result.reason };
  });
  return { modules, release, originalPlace };
}

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface LoadedModules {
  readonly modules: LoadedModule[];
  /** Where a place in a bundle (file:line:column, 1-based) comes from, or undefined if not in one. */
  readonly originalPlace: (file: string, line: number, column: number) => Place | undefined;
  readonly release: () => Promise<void>;
}

/**
 * Bare imports (packages) are resolved where the importing file is and left external by their
 * absolute path, so Node loads them from node_modules as usual. A package that resolves to
 * TypeScript source (a workspace package used from its sources) is bundled instead.
 */
const externalPackages: Plugin = {
  name: 'typestep-external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('node:')) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      if (resolved.errors.length > 0 || !resolved.path) return { errors: resolved.errors };
      if (resolved.external || /\.[cm]?tsx?$/.test(resolved.path)) return resolved;
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/**
 * The bundles run from a temporary folder, but a workflow module may read files next to it
 * (`new URL('./buckets.json', import.meta.url)`): each module keeps its own file's
 * `import.meta.url`, `dirname` and `filename`.
 */
const originalImportMeta: Plugin = {
  name: 'typestep-original-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const values: Record<string, string> = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path };
      const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_match, key: string) => JSON.stringify(values[key]));
      return { contents, loader: loaderOf(args.path), resolveDir: dirname(args.path) };
    });
  },
};

function loaderOf(file: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  const extension = extname(file).replace(/^\.[cm]?/, '.');
  return extension === '.tsx' ? 'tsx' : extension === '.ts' ? 'ts' : extension === '.jsx' ? 'jsx' : 'js';
}

/** An esbuild error as an Error whose stack points at the offending line, like a thrown one would. */
function compileError(message: Message | undefined, file: string, cause?: unknown): Error {
  const error = new SyntaxError(message?.text ?? (cause instanceof Error ? cause.message : String(cause)));
  const where = message?.location;
  const at = where ? `${resolve(where.file)}:${where.line}:${where.column + 1}` : `${file}:1:1`;
  const inOther = where && resolve(where.file) !== file ? ` (in ${relative(process.cwd(), resolve(where.file))}, which it imports)` : '';
  error.message += inOther;
  error.stack = `SyntaxError: ${error.message}\n    at ${at}`;
  return error;
}

/**
 * True when the CLI itself runs from its TypeScript sources (vitest, or `tsx src/main.ts`) rather
 * than from dist/: the workspace's packages are then possibly unbuilt, so the workflows' imports of
 * `@typestep/*` resolve to their sources (the `typestep-source` export condition) and are bundled.
 */
const RUNNING_FROM_SOURCES = import.meta.url.endsWith('.ts');
