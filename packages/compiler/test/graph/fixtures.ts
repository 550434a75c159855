import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const REFERENCE_DIR = path.resolve(repoRoot, '../shared/reference-asl');
export const CORPUS_DIR = path.resolve(repoRoot, '../shared/corpus/defs');

export const referenceFiles = fs.readdirSync(REFERENCE_DIR).filter((file) => file.endsWith('.asl.json')).sort();
export const corpusFiles = fs.readdirSync(CORPUS_DIR).filter((file) => file.endsWith('.json')).sort();

export function reference(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8')) as Record<string, unknown>;
}

export function corpus(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')) as Record<string, unknown>;
}

/** Every state name of a definition, nested ones included (read independently of the code under test). */
export function stateNames(machine: unknown): string[] {
  if (typeof machine !== 'object' || machine === null) return [];
  const states = (machine as { States?: unknown }).States;
  if (typeof states !== 'object' || states === null) return [];
  return Object.entries(states).flatMap(([name, state]) => {
    if (typeof state !== 'object' || state === null) return [];
    const s = state as { Branches?: unknown[]; ItemProcessor?: unknown; Iterator?: unknown };
    return [name, ...(s.Branches ?? []).flatMap(stateNames), ...stateNames(s.ItemProcessor ?? s.Iterator)];
  });
}
