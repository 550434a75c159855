import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDefinitionText } from '../../src/validate/index.js';
import { show } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const referenceDir = path.resolve(repoRoot, '../shared/reference-asl');
const files = fs.readdirSync(referenceDir).filter((file) => file.endsWith('.asl.json'));

describe('the seed state machines (shared/reference-asl)', () => {
  it('are all there', () => {
    expect(files).toHaveLength(9);
  });

  it.each(files)('%s validates without diagnostics', (file) => {
    const diagnostics = validateDefinitionText(fs.readFileSync(path.join(referenceDir, file), 'utf8'), { workflow: file });
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});
