import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDefinitionText } from '../../src/validate/index.js';
import { errors, show } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');

/** index.tsv: one row per definition; `structurally_valid` says whether AWS would accept it. */
function readIndex(): { file: string; valid: boolean }[] {
  const [header, ...rows] = fs.readFileSync(path.join(corpusDir, 'index.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  const file = columns.indexOf('file');
  const valid = columns.indexOf('structurally_valid');
  expect(file).toBeGreaterThanOrEqual(0);
  expect(valid).toBeGreaterThanOrEqual(0);
  return rows.map((row) => {
    const cells = row.split('\t');
    expect(['yes', 'no']).toContain(cells[valid]);
    return { file: cells[file]!, valid: cells[valid] === 'yes' };
  });
}

const index = readIndex();

describe('the real-world corpus (shared/corpus)', () => {
  it('has 182 definitions, some invalid', () => {
    expect(index).toHaveLength(182);
    expect(index.some((entry) => !entry.valid)).toBe(true);
  });

  const valid = index.filter((entry) => entry.valid).map((entry) => entry.file);
  it.each(valid)('%s (valid) gives no error', (file) => {
    const diagnostics = validateDefinitionText(fs.readFileSync(path.join(corpusDir, 'defs', file), 'utf8'), { workflow: file });
    expect(errors(diagnostics), show(diagnostics)).toEqual([]);
  });

  const invalid = index.filter((entry) => !entry.valid).map((entry) => entry.file);
  it.each(invalid)('%s (invalid) gives readable errors', (file) => {
    const diagnostics = validateDefinitionText(fs.readFileSync(path.join(corpusDir, 'defs', file), 'utf8'), { workflow: file });
    const found = errors(diagnostics);
    expect(found.length, show(diagnostics)).toBeGreaterThan(0);
    for (const diagnostic of found) {
      // A sentence that names something and ends with what to do; placed in the file.
      expect(diagnostic.message).toMatch(/^[A-Z"].{40,}[.?!]$/s);
      expect(diagnostic.message).toMatch(/"[^"]+"/);
      expect(diagnostic.source?.file).toBe(file);
      expect(diagnostic.source?.line).toBeGreaterThan(0);
    }
  });

  it('explains the broken JSONata example: QueryLanguage put inside States', () => {
    const file = 'step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.json';
    const diagnostics = validateDefinitionText(fs.readFileSync(path.join(corpusDir, 'defs', file), 'utf8'), { workflow: file });
    const misplaced = diagnostics.find((d) => d.code === 'STEP204' && d.location.join('/') === 'States/QueryLanguage');
    expect(misplaced?.message, show(diagnostics)).toContain('move it out of "States"');
    expect(diagnostics.some((d) => d.code === 'STEP205' && d.message.includes('"Arguments"'))).toBe(true);
  });
});
