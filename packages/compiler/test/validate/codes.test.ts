import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/validate/index.js';

const testRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The text of every test file of the compiler but this one. */
function testSources(): string {
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.test\.ts$/.test(entry.name) && file !== fileURLToPath(import.meta.url)) texts.push(fs.readFileSync(file, 'utf8'));
    }
  };
  walk(testRoot);
  return texts.join('\n');
}

describe('the diagnostic codes', () => {
  it('each have a title and a test that expects them', () => {
    const sources = testSources();
    for (const [code, title] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^STEP\d{3}$/);
      expect(title.length, code).toBeGreaterThan(5);
    }
    const untested = Object.keys(DIAGNOSTIC_CODES).filter((code) => !sources.includes(`'${code}'`));
    expect(untested, 'codes no test names').toEqual([]);
  });
});
