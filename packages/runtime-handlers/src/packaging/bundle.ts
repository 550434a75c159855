import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LambdaFunction } from './lambda-functions.js';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/**
 * The function's code as one ES module, `index.mjs` exporting `handler`, for Lambda's nodejs22.x
 * runtime: the handler and everything it imports (the AWS SDK included, so the deployed code runs
 * the versions it was tested with), except sharp, whose native parts ship beside it.
 */
export async function bundleFunction(fn: LambdaFunction): Promise<Map<string, Uint8Array>> {
  const result = await build({
    stdin: { contents: `export { ${fn.export} as handler } from './${fn.module}';`, resolveDir: SRC, loader: 'ts', sourcefile: `${fn.name}-entry.ts` },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: 'index.mjs',
    // Workspace packages are bundled from their TypeScript sources, as the tests run them.
    conditions: ['typestep-source'],
    external: fn.sharp ? ['sharp'] : [],
    minify: true,
    keepNames: true,
    legalComments: 'none',
    // CommonJS dependencies call require() for Node's built-ins, which an ES module lacks.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array>();
  for (const output of result.outputFiles) files.set('index.mjs', output.contents);
  for (const file of fn.files ?? []) files.set(file.slice(file.lastIndexOf('/') + 1), await readFile(`${SRC}${file}`));
  return files;
}
