import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StateMachineSchema } from '../../src/asl/index.js';
import { accepts } from '../../src/validate/schema-accepts.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const sources = [path.resolve(repoRoot, '../shared/corpus/defs'), path.resolve(repoRoot, '../shared/reference-asl')];
const definitions = sources.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, value: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown })),
);

/** A small deterministic PRNG (mulberry32), so that failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Container = Record<string, unknown> | unknown[];

function containers(value: unknown, out: Container[] = []): Container[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

const REPLACEMENTS: unknown[] = [
  null,
  0,
  -1,
  1.5,
  'text',
  '{% $x %}',
  '',
  true,
  [],
  {},
  ['States.ALL'],
  { Type: 'Pass' },
  'Task',
  'JSONata',
  101,
];

/** One random edit: drop a field, replace a value, or add an unexpected field. */
function mutate(definition: unknown, next: () => number): unknown {
  const copy = structuredClone(definition);
  const nodes = containers(copy);
  const node = nodes[Math.floor(next() * nodes.length)]!;
  const keys = Object.keys(node);
  const roll = next();
  if (Array.isArray(node)) {
    if (keys.length > 0 && roll < 0.5) node.splice(Math.floor(next() * node.length), 1);
    else node[Math.floor(next() * (node.length + 1))] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
  } else if (keys.length > 0 && roll < 0.35) {
    delete node[keys[Math.floor(next() * keys.length)]!];
  } else if (keys.length > 0 && roll < 0.85) {
    node[keys[Math.floor(next() * keys.length)]!] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
  } else {
    node[['Extra', 'Retry', 'Next', 'Parameters', 'Output', 'ItemProcessor'][Math.floor(next() * 6)]!] =
      REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
  }
  return copy;
}

describe('accepts (the fast structural check) agrees with zod', () => {
  it('on every corpus and reference definition', () => {
    for (const { file, value } of definitions) {
      expect(accepts(StateMachineSchema, value), file).toBe(StateMachineSchema.safeParse(value).success);
    }
  });

  it('on 6,000 random mutations of them', () => {
    const next = random(20240611);
    const verdicts = { accepted: 0, rejected: 0 };
    for (let round = 0; round < 6000; round++) {
      const { file, value } = definitions[round % definitions.length]!;
      const mutant = mutate(value, next);
      const zod = StateMachineSchema.safeParse(mutant).success;
      if (accepts(StateMachineSchema, mutant) !== zod) {
        expect.fail(`${file}, round ${round}: accepts() says ${!zod}, zod says ${zod}\n${JSON.stringify(mutant).slice(0, 2000)}`);
      }
      verdicts[zod ? 'accepted' : 'rejected']++;
    }
    // Both outcomes must occur often, or the comparison proves little.
    expect(verdicts.accepted).toBeGreaterThan(500);
    expect(verdicts.rejected).toBeGreaterThan(500);
  });
});
