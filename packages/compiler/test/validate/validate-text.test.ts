import { describe, expect, it } from 'vitest';
import { validateDefinitionText } from '../../src/validate/index.js';
import { show } from './helpers.js';

const FILE = 'flow.asl.json';
const check = (text: string) => validateDefinitionText(text, { workflow: FILE });

describe('validateDefinitionText', () => {
  it('accepts a valid file', () => {
    const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, null, 2);
    expect(check(text)).toEqual([]);
  });

  it('reports invalid JSON with its line and column (STEP200)', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succeed", }\n  }\n}\n';
    const diagnostics = check(text);
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic).toMatchObject({ code: 'STEP200', severity: 'error', workflow: FILE, source: { file: FILE, line: 4, column: 31 } });
    expect(diagnostic!.message).toContain('flow.asl.json is not valid JSON');
    expect(diagnostic!.message).toContain('trailing comma');
    expect(diagnostic!.message).toContain('line 4, column 31');
    expect(diagnostic!.location).toEqual(['States', 'A']);
  });

  it('rejects comments, which Step Functions does not accept', () => {
    const diagnostics = check('{ // note\n "StartAt": "A", "States": {} }');
    expect(diagnostics.map((d) => d.code)).toEqual(['STEP200']);
    expect(diagnostics[0]!.message).toContain('comment');
  });

  it('reports an empty file', () => {
    const diagnostics = check('   ');
    expect(diagnostics.map((d) => d.code)).toEqual(['STEP200']);
  });

  it('reports two states with one name in one States object (STEP101)', () => {
    const text = [
      '{',
      '  "StartAt": "Check",',
      '  "States": {',
      '    "Check": { "Type": "Pass", "Next": "Done" },',
      '    "Done": { "Type": "Succeed" },',
      '    "Check": { "Type": "Pass", "End": true }',
      '  }',
      '}',
    ].join('\n');
    const diagnostics = check(text);
    const duplicate = diagnostics.find((d) => d.code === 'STEP101');
    expect(duplicate, show(diagnostics)).toBeDefined();
    expect(duplicate).toMatchObject({
      location: ['States', 'Check'],
      statePath: 'flow.asl.json > Check',
      source: { file: FILE, line: 6, column: 5 },
    });
    expect(duplicate!.message).toContain('"Check" is used twice in the same "States" object (also at line 4)');
    expect(duplicate!.message).toContain('Rename one');
  });

  it('reports a duplicate key elsewhere (STEP201)', () => {
    const text = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "End": true, "Type": "Succeed" } },\n  "StartAt": "A"\n}';
    const diagnostics = check(text);
    const codes = diagnostics.map((d) => `${d.code} ${JSON.stringify(d.location)} ${d.source?.line}:${d.source?.column}`);
    expect(codes).toContain('STEP201 ["States","A","Type"] 3:51');
    expect(codes).toContain('STEP201 ["StartAt"] 4:3');
    expect(diagnostics.find((d) => d.code === 'STEP201')!.message).toContain('JSON keeps only the last value');
  });

  it('places definition diagnostics at the line and column of their field', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "Next": "Nowhere"\n    }\n  }\n}\n';
    const diagnostics = check(text);
    const dangling = diagnostics.find((d) => d.code === 'STEP104');
    expect(dangling, show(diagnostics)).toMatchObject({ location: ['States', 'A', 'Next'], source: { file: FILE, line: 6, column: 7 } });
  });

  it('places a missing field at its enclosing object', () => {
    const diagnostics = check('{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Task", "End": true }\n  }\n}');
    expect(diagnostics.find((d) => d.code === 'STEP203')).toMatchObject({
      location: ['States', 'A', 'Resource'],
      source: { line: 4, column: 5 },
    });
  });

  it('handles a byte order mark and CRLF line ends', () => {
    const diagnostics = check('\uFEFF{\r\n  "StartAt": "A",\r\n  "States": { "A": { "Type": "Pass" } }\r\n}');
    expect(diagnostics.find((d) => d.code === 'STEP109')).toMatchObject({ source: { line: 3, column: 15 } });
  });

  it('measures the size limit on the text', () => {
    const big = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 'x'.repeat(1_040_000), End: true } } });
    expect(check(big).map((d) => d.code)).toEqual([]);
    expect(check(big + ' '.repeat(10_000)).map((d) => d.code)).toEqual(['STEP202']);
  });
});
