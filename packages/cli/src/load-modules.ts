import { register as registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

/** A workflow module that loaded, or the error it threw while loading. */
export type LoadedModule =
  | { readonly file: string; readonly ok: true; readonly exports: Readonly<Record<string, unknown>> }
  | { readonly file: string; readonly ok: false; readonly error: unknown };

/**
 * Imports the user's TypeScript modules with tsx, all in one tsx namespace: files that import
 * one another share a single instance, and nothing leaks into (or is cached from) earlier loads,
 * so each build sees the sources as they are now.
 *
 * Call `release()` (which removes the hooks) only when done with the modules: while the hooks are
 * active, source maps are enabled, and the DSL formats the stack it captured at each builder call
 * lazily, when a diagnostic needs the place, so file:line must be read before `release()`.
 */
export async function loadModules(
  files: readonly string[],
  { isolate = true }: { readonly isolate?: boolean } = {},
): Promise<{ modules: LoadedModule[]; release: () => Promise<void> }> {
  const { register } = await import('tsx/esm/api');
  const urls = files.map((file) => pathToFileURL(file).href);
  let settled: PromiseSettledResult<unknown>[];
  let release: () => Promise<void>;
  if (isolate || RUNNING_FROM_SOURCES) {
    if (RUNNING_FROM_SOURCES) addSourceCondition();
    const api = register({ namespace: `typestep-build-${process.pid}-${++loads}` });
    // All at once (tsx transforms them on its loader thread); the results keep the files' order.
    settled = await Promise.allSettled(urls.map((url) => api.import(url, import.meta.url)));
    release = () => api.unregister();
  } else {
    // A one-shot process: the workflows' own `import '@typestep/dsl'` reuses the instance the CLI
    // already loaded (inside a namespace every dependency, zod included, would load a second time).
    const unregister = register();
    settled = await Promise.allSettled(urls.map((url) => import(url)));
    release = async () => unregister();
  }
  const modules = settled.map((result, i): LoadedModule =>
    result.status === 'fulfilled'
      ? { file: files[i]!, ok: true, exports: result.value as Record<string, unknown> }
      : { file: files[i]!, ok: false, error: result.reason },
  );
  return { modules, release };
}

let loads = 0;

/**
 * True when the CLI itself runs from its TypeScript sources (vitest, or `tsx src/main.ts`) rather
 * than from dist/. The workspace's packages are then possibly unbuilt, so the workflows' own
 * imports of `@typestep/*` must resolve to sources too: the `typestep-source` export condition.
 */
const RUNNING_FROM_SOURCES = import.meta.url.endsWith('.ts');

let sourceConditionAdded = false;

function addSourceCondition(): void {
  if (sourceConditionAdded) return;
  sourceConditionAdded = true;
  // Only imports made inside a tsx namespace (the workflows and what they import) are affected.
  const hook = `export async function resolve(specifier, context, next) {
    const inNamespace = (url) => typeof url === 'string' && url.includes('tsx-namespace=');
    if ((inNamespace(context.parentURL) || inNamespace(specifier)) && !context.conditions.includes('typestep-source')) {
      return next(specifier, { ...context, conditions: [...context.conditions, 'typestep-source'] });
    }
    return next(specifier, context);
  }`;
  registerHooks(`data:text/javascript,${encodeURIComponent(hook)}`);
}
