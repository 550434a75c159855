import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap, SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A CPU profile of part of the benchmark, taken in-process with the inspector (the same
 * `.cpuprofile` `node --cpu-prof` writes; open it in Chrome DevTools), and summarised with
 * positions mapped back to the TypeScript sources through the packages' source maps.
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Hotspot {
  readonly what: string;
  /** `packages/dsl/src/ir/source-site.ts:18` (the function's first line, or the hot line). */
  readonly where: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  /** Self time by package / runtime area. */
  readonly areas: readonly Hotspot[];
  /** Functions by self time (dependencies and the runtime included). */
  readonly self: readonly Hotspot[];
  /** The repository's own functions by self time. */
  readonly ownSelf: readonly Hotspot[];
  /** The repository's own functions by inclusive time (callees, dependencies included; recursion counted once). */
  readonly inclusive: readonly Hotspot[];
  /** The validator's rules (`check…` in packages/compiler/src/validate/rules/) by inclusive time. */
  readonly rules: readonly Hotspot[];
  /** The repository's own source lines by samples. */
  readonly lines: readonly Hotspot[];
}

/** Profiles `fn` and writes the raw profile to `file`. */
export async function profile(fn: () => Promise<void>, file: string, root: string, options: SummaryOptions = {}): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    let raw: CpuProfile;
    try {
      await fn();
    } finally {
      raw = ((await session.post('Profiler.stop')) as { profile: CpuProfile }).profile;
    }
    writeFileSync(file, JSON.stringify(raw));
    return summarise(raw, file, root, options);
  } finally {
    session.disconnect();
  }
}

export interface SummaryOptions {
  /** Frames left out of the inclusive table (the benchmark harness around the measured code). */
  readonly harness?: (url: string) => boolean;
  readonly top?: number;
}

export function summarise(raw: CpuProfile, file: string, root: string, options: SummaryOptions = {}): ProfileSummary {
  const top = options.top ?? 15;
  const counted = (url: string) => isOwnCode(url) && !options.harness?.(url);
  const byId = new Map(raw.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  raw.samples.forEach((id, i) => {
    const dt = Math.max(0, raw.timeDeltas[i] ?? 0);
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    totalUs += dt;
  });
  const positions = new Positions(root);
  const keyOf = (frame: CallFrame) =>
    `${frame.functionName || '(anonymous)'}\u0000${positions.where(frame.url, frame.lineNumber, frame.columnNumber)}`;

  const area = new Map<string, number>();
  const self = new Map<string, number>();
  const ownSelf = new Map<string, number>();
  const lines = new Map<string, number>();
  for (const node of raw.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    add(area, areaOf(node.callFrame, root), us);
    add(self, keyOf(node.callFrame), us);
    if (isOwnCode(node.callFrame.url)) add(ownSelf, keyOf(node.callFrame), us);
    // Line ticks are only meaningful where the generated code keeps the source's lines (dist/*.js,
    // dependencies); tsx compiles a .ts file onto one line.
    const ticks = node.callFrame.url.endsWith('.ts') || !isOwnCode(node.callFrame.url) ? [] : (node.positionTicks ?? []);
    const tickSum = ticks.reduce((sum, t) => sum + t.ticks, 0);
    for (const tick of ticks) {
      add(
        lines,
        `${node.callFrame.functionName || '(anonymous)'}\u0000${positions.where(node.callFrame.url, tick.line - 1, END_OF_LINE)}`,
        (us * tick.ticks) / tickSum,
      );
    }
  }

  // Inclusive time: walk the call tree once, crediting each function on the stack (once, however deep it recurses).
  const inclusive = new Map<string, number>();
  const totalOf = new Map<number, number>();
  const subtotal = (id: number): number => {
    let sum = selfUs.get(id) ?? 0;
    for (const child of byId.get(id)?.children ?? []) sum += subtotal(child);
    totalOf.set(id, sum);
    return sum;
  };
  const root0 = raw.nodes[0]!;
  subtotal(root0.id);
  const walk = (id: number, onStack: Set<string>) => {
    const node = byId.get(id)!;
    const key = keyOf(node.callFrame);
    const fresh = !onStack.has(key) && counted(node.callFrame.url);
    if (fresh) {
      add(inclusive, key, totalOf.get(id) ?? 0);
      onStack.add(key);
    }
    for (const child of node.children ?? []) walk(child, onStack);
    if (fresh) onStack.delete(key);
  };
  walk(root0.id, new Set());

  const rules = new Map([...inclusive].filter(([key]) => /^check\w*\u0000packages\/compiler\/src\/validate\/rules\//.test(key)));
  const toHotspots = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]): Hotspot => {
        const [what, where = ''] = key.split('\u0000');
        return { what: what!, where, ms: us / 1000, share: us / totalUs };
      });
  return {
    file,
    totalMs: totalUs / 1000,
    areas: toHotspots(area).map((h) => ({ ...h, where: '' })),
    self: toHotspots(self),
    ownSelf: toHotspots(ownSelf),
    inclusive: toHotspots(inclusive),
    rules: toHotspots(rules),
    lines: toHotspots(lines),
  };
}

/** Code of this repository (the packages, the bench), not dependencies or node itself. */
function isOwnCode(url: string): boolean {
  return url.startsWith('file:') && !url.includes('/node_modules/');
}

/** A column past the end of any line: findEntry then gives the line's last mapping (larger values overflow it). */
const END_OF_LINE = 1_000_000;

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function areaOf(frame: CallFrame, root: string): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : 'V8 / native';
  if (frame.url.startsWith('node:')) return 'node internals';
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url.replace(/\?.*$/, '')) : frame.url;
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return `${match[1]} (dependency)`;
  const rel = relative(root, path);
  const pkg = /^packages\/([^/]+)\//.exec(rel);
  if (pkg) return `@typestep/${pkg[1]}`;
  if (rel.startsWith('bench/')) return 'bench (workflow generator)';
  return rel;
}

/** Maps generated positions (dist/*.js, or tsx-compiled .ts) back to source file:line. */
class Positions {
  readonly #maps = new Map<string, SourceMap | null>();
  constructor(readonly root: string) {}

  where(url: string, line: number, column: number): string {
    if (!url) return '';
    const map = this.#map(url);
    const entry = map?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
    if (entry && entry.originalSource !== undefined && entry.originalLine !== undefined) {
      return `${this.#display(entry.originalSource, url)}:${entry.originalLine + 1}`;
    }
    return `${this.#display(url, url)}:${line + 1}`;
  }

  #display(source: string, generated: string): string {
    let path = source;
    if (path.startsWith('file:')) path = fileURLToPath(path);
    else if (!path.startsWith('/') && !path.startsWith('node:') && generated.startsWith('file:'))
      path = resolve(dirname(fileURLToPath(generated)), path);
    if (path.startsWith('node:')) return path;
    path = path.replace(/^.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, 'node_modules/');
    return path.startsWith('/') ? relative(this.root, path) : path;
  }

  /**
   * The file's own source map on disk first (tsc's dist/*.js.map: back to src/*.ts), then the one
   * node holds for the loaded module (tsx's, for .ts files; for a .js file tsx rewrote, tsx's map
   * only points at the .js itself).
   */
  #map(url: string): SourceMap | null {
    let map = this.#maps.get(url);
    if (map !== undefined) return map;
    map = url.startsWith('file:') && !url.includes('/node_modules/') ? diskMap(fileURLToPath(url)) : null;
    map ??= findSourceMap(url) ?? null;
    this.#maps.set(url, map);
    return map;
  }
}

function diskMap(path: string): SourceMap | null {
  try {
    const link = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(path, 'utf8'));
    if (!link || link[1]!.startsWith('data:')) return null;
    return new SourceMap(JSON.parse(readFileSync(resolve(dirname(path), link[1]!), 'utf8')));
  } catch {
    return null;
  }
}
