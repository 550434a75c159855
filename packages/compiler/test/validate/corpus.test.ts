import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDefinition, validateDefinitionText } from '../../src/validate/index.js';
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

  // The scope analysis must see the real definitions' variables, not just accept them: remove the
  // one Assign of a variable that is read, and the read must become a STEP703.
  const withVariables = valid.filter((file) => read(file).includes('"Assign"'));
  it.each(withVariables)('%s: removing the only Assign of a variable that is read gives STEP703', (file) => {
    const text = read(file);
    const definition: unknown = JSON.parse(text);
    const assigns: { holder: Record<string, unknown>; key: string }[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, field] of Object.entries(value)) {
          if (key === 'Assign' && field && typeof field === 'object')
            for (const name of Object.keys(field)) assigns.push({ holder: field as Record<string, unknown>, key: name });
          walk(field);
        }
      }
    };
    walk(definition);
    const once = assigns.filter(
      ({ key }) => assigns.filter((other) => other.key === key).length === 1 && new RegExp(`\\$${key}\\b`).test(text),
    );
    for (const { holder, key } of once) {
      const value = holder[key];
      delete holder[key];
      const diagnostics = validateDefinition(definition, { workflow: file });
      holder[key] = value;
      expect(
        diagnostics.some((d) => d.code === 'STEP703' && d.message.includes(`the variable $${key},`)),
        `no STEP703 for $${key}:\n${show(diagnostics)}`,
      ).toBe(true);
    }
  });
});

function read(file: string): string {
  return fs.readFileSync(path.join(corpusDir, 'defs', file), 'utf8');
}
