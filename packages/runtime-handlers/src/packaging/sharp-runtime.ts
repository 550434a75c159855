import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tar from 'tar';

/** The Lambda architectures the image function's zip carries sharp's native code for. */
export const LAMBDA_ARCHITECTURES = ['x64', 'arm64'] as const;
export type LambdaArchitecture = (typeof LAMBDA_ARCHITECTURES)[number];

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

const readPackage = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/** Not needed at run time: C++ sources, type declarations, source maps, read-mes. */
const LEFT_OUT = /(^src\/)|(\.d\.[cm]?ts$)|(\.map$)|(^README\.md$)/;

/**
 * `node_modules/…` for a Lambda zip: sharp, its dependencies, and for each architecture
 * `@img/sharp-linux-<arch>` and `@img/sharp-libvips-linux-<arch>` (Lambda runs glibc Linux),
 * at the versions sharp pins. Packages pnpm installed here are copied; the others (the
 * architectures this machine is not) are fetched once with `npm pack` into `cacheDir`.
 */
export async function sharpRuntimeFiles(architectures: readonly LambdaArchitecture[], cacheDir: string): Promise<Map<string, Uint8Array>> {
  const sharpDir = packageDir('sharp', fileURLToPath(import.meta.url));
  if (!sharpDir) throw new Error('packaging: sharp is not installed; run pnpm install');
  const dirs = new Map<string, string>();
  collectWithDependencies(sharpDir, dirs);
  const pinned = readPackage(sharpDir).optionalDependencies ?? {};
  for (const arch of architectures) {
    for (const name of [`@img/sharp-linux-${arch}`, `@img/sharp-libvips-linux-${arch}`]) {
      const version = pinned[name];
      if (!version) throw new Error(`packaging: sharp ${readPackage(sharpDir).version} does not list ${name}`);
      const installed = packageDir(name, sharpDir);
      dirs.set(name, installed && readPackage(installed).version === version ? installed : await fetchPackage(name, version, cacheDir));
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, dir] of dirs) {
    for (const file of filesUnder(dir)) {
      const path = relative(dir, file).split('\\').join('/');
      if (!LEFT_OUT.test(path)) files.set(`node_modules/${name}/${path}`, readFileSync(file));
    }
  }
  return files;
}

/** Where Node's resolution would find package `name` from `fromDir` (following pnpm's links). */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, basename(dir) === 'node_modules' ? '' : 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function collectWithDependencies(dir: string, into: Map<string, string>): void {
  const { name, dependencies = {} } = readPackage(dir);
  if (into.has(name)) return;
  into.set(name, dir);
  for (const dependency of Object.keys(dependencies)) {
    const found = packageDir(dependency, dir);
    if (!found) throw new Error(`packaging: ${name} needs ${dependency}, which is not installed; run pnpm install`);
    collectWithDependencies(found, into);
  }
}

/** `npm pack name@version` (cached), unpacked: the package's folder. */
async function fetchPackage(name: string, version: string, cacheDir: string): Promise<string> {
  const unpacked = join(cacheDir, `${name.replace('/', '+')}@${version}`);
  if (existsSync(join(unpacked, 'package', 'package.json'))) return join(unpacked, 'package');
  mkdirSync(unpacked, { recursive: true });
  const { stdout } = await promisify(execFile)('npm', ['pack', `${name}@${version}`, '--pack-destination', unpacked, '--silent'], {
    maxBuffer: 1024 * 1024,
  });
  const tarball = join(unpacked, stdout.trim().split('\n').pop()!);
  await tar.x({ file: tarball, cwd: unpacked });
  const dir = join(unpacked, 'package');
  if (readPackage(dir).version !== version) throw new Error(`packaging: npm pack ${name}@${version} gave version ${readPackage(dir).version}`);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !relative(dir, entry.parentPath).split(/[\\/]/).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}
