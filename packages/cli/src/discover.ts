import { isAbsolute, relative, sep } from 'node:path';
import type { ProjectConfig } from './config.js';

/** The workflow modules of a project: absolute paths, sorted so builds are deterministic. */
export async function discoverWorkflowFiles(config: ProjectConfig, outDir: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const files = await glob([...config.workflows], {
    cwd: config.root,
    ignore: [...config.ignore, ...outDirIgnore(config.root, outDir)],
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
  });
  return files.sort();
}

/** Generated output is never a source, wherever `--out` puts it (when it lies inside the project). */
function outDirIgnore(root: string, outDir: string): string[] {
  const rel = relativeInside(root, outDir);
  return rel === undefined || rel === '' ? [] : [`${rel}/**`];
}

function relativeInside(root: string, dir: string): string | undefined {
  const rel = relative(root, dir);
  return rel.split(sep)[0] === '..' || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
}
