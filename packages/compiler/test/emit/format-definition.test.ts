import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
import { formatDefinition as formatJson } from '../../src/emit/format-definition.js';

const shared = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
const files = [
  ...readdirSync(join(shared, 'reference-asl')).filter((f) => f.endsWith('.json')).map((f) => join(shared, 'reference-asl', f)),
  ...readdirSync(join(shared, 'corpus', 'defs')).map((f) => join(shared, 'corpus', 'defs', f)),
];

const viaPrettier = (value: unknown) => prettier.format(JSON.stringify(value, null, 2), { parser: 'json' });

describe('emitted JSON text is what prettier makes of it', () => {
  test.each(files.map((file) => [file.slice(shared.length), file]))('%s', async (_name, file) => {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    expect(formatJson(value)).toBe(await viaPrettier(value));
  });

  test('edge cases: empty containers, number fill, nested arrays, wide characters, long strings', async () => {
    const cases: unknown[] = [
      {},
      [],
      { a: [], b: {}, c: [{}], d: [[]] },
      { numbers: Array.from({ length: 60 }, (_, i) => i * 37) },
      { pairs: [[1, 2], [3, 4]], mixed: [[1], [2, 3]], objects: [{ a: 1 }, { b: 2 }], big: [{ a: 1, b: 2 }, { c: 3, d: 4 }] },
      { あいうえお: 'かきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん', x: ['あいうえお', 'かきくけこ', 'さしすせそ', 'たちつてと'] },
      { errors: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'] },
      { short: ['States.TaskFailed'], exactly: ['a'.repeat(63)], over: ['a'.repeat(64)] },
      { escapes: ['line\nbreak', 'quote"', 'tab\t', '\u2028'], nulls: [null, true, false, 1.5, -2e-7] },
    ];
    for (const value of cases) expect(formatJson(value)).toBe(await viaPrettier(value));
  });
});
