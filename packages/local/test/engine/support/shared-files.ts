import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared next to the repository (read in place, never copied into the project). */
export const SHARED = join(fileURLToPath(new URL('../../../../../', import.meta.url)), '../shared');

export function readReferenceAsl(file: string): string {
  return readFileSync(join(SHARED, 'reference-asl', file), 'utf8');
}

export function referenceAslFiles(): string[] {
  return readdirSync(join(SHARED, 'reference-asl')).filter((file) => file.endsWith('.asl.json'));
}

export interface CorpusEntry {
  readonly file: string;
  readonly stateTypes: readonly string[];
  readonly valid: boolean;
  readonly text: string;
}

/** The real-world corpus, with index.tsv's state types and validity per file. */
export function corpus(): CorpusEntry[] {
  const [header, ...rows] = readFileSync(join(SHARED, 'corpus', 'index.tsv'), 'utf8')
    .trimEnd()
    .split('\n');
  const columns = header!.split('\t');
  const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
  return rows.map((line) => {
    const row = line.split('\t');
    const file = at(row, 'file');
    return {
      file,
      stateTypes: at(row, 'state_types').split(','),
      valid: at(row, 'structurally_valid') === 'yes',
      text: readFileSync(join(SHARED, 'corpus', 'defs', file), 'utf8'),
    };
  });
}
