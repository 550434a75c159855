import { findNodeAtLocation, getLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { statePathOf, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from './codes.js';
import type { Location } from './model.js';
import { validate } from './validate-definition.js';
import type { ValidateOptions } from './validate-options.js';

/**
 * Validates a definition file's text (`typestep validate FILE.asl.json`). Reads the JSON with
 * positions, reports invalid JSON (STEP200) and duplicate keys (STEP101 for two states of one
 * `States` object, STEP201 elsewhere: JSON.parse would silently keep the last one), then runs
 * `validateDefinition` with every diagnostic placed at its line and column. `options.workflow`
 * is used as the file name in `source`.
 */
export function validateDefinitionText(text: string, options: ValidateOptions): Diagnostic[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offsetShift = body.length === text.length ? 0 : 1;
  const lines = lineStarts(text);
  const position = (offset: number) => positionOf(lines, offset + offsetShift);
  const file = options.workflow;
  const diagnostic = (code: DiagnosticCode, location: Location, offset: number, message: string): Diagnostic => ({
    code,
    severity: 'error',
    message,
    workflow: options.workflow,
    location: [...location],
    statePath: statePathOf(options.workflow, location),
    source: { file, ...position(offset) },
  });

  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const error = errors[0];
    const offset = error?.offset ?? 0;
    const where = error ? getLocation(body, offset) : undefined;
    // At a property name getLocation ends the path with '' (the name to come): drop it.
    const location = (where ? (where.isAtPropertyKey ? where.path.slice(0, -1) : where.path) : []) as Location;
    const { line, column } = position(offset);
    const what = error ? describeParseError(printParseErrorCode(error.error)) : 'is empty';
    return [
      diagnostic(
        'STEP200',
        location,
        offset,
        `${file} is not valid JSON: ${what} at line ${line}, column ${column}. Fix the JSON syntax there (Step Functions definitions allow no comments and no trailing commas).`,
      ),
    ];
  }

  const duplicates: Diagnostic[] = [];
  const walk = (node: Node, location: Location) => {
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key: string = keyNode.value;
        const first = seen.get(key);
        const at = [...location, key];
        if (first) {
          const earlier = position(first.offset);
          if (location.at(-1) === 'States') {
            duplicates.push(
              diagnostic(
                'STEP101',
                at,
                keyNode.offset,
                `The state name "${key}" is used twice in the same "States" object (also at line ${earlier.line}); JSON keeps only the last one, so the first state would be lost. Rename one of them.`,
              ),
            );
          } else {
            duplicates.push(
              diagnostic(
                'STEP201',
                at,
                keyNode.offset,
                `The key "${key}" appears twice in the same object (also at line ${earlier.line}); JSON keeps only the last value, so the first is silently lost. Remove or rename one of them.`,
              ),
            );
          }
        } else {
          seen.set(key, keyNode);
        }
        if (valueNode) walk(valueNode, at);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, index) => walk(child, [...location, index]));
    }
  };
  walk(root, []);

  const definition: unknown = JSON.parse(body);
  const sourceOf = (location: readonly (string | number)[]) => {
    const node = findNodeAtLocation(root, [...location]);
    if (!node) return undefined;
    const anchor = node.parent?.type === 'property' ? node.parent : node;
    return { file, ...position(anchor.offset) };
  };
  const diagnostics = validate(definition, { ...options, sourceOf }, Buffer.byteLength(text, 'utf8'), body);
  return [...duplicates, ...diagnostics];
}

function describeParseError(code: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return 'an unexpected character';
    case 'InvalidNumberFormat':
      return 'a malformed number';
    case 'PropertyNameExpected':
      return 'a missing property name (or a trailing comma)';
    case 'ValueExpected':
      return 'a missing value (or a trailing comma)';
    case 'ColonExpected':
      return 'a missing ":"';
    case 'CommaExpected':
      return 'a missing ","';
    case 'CloseBraceExpected':
      return 'a missing "}"';
    case 'CloseBracketExpected':
      return 'a missing "]"';
    case 'EndOfFileExpected':
      return 'text after the end of the JSON value';
    case 'InvalidCommentToken':
      return 'a comment, which JSON does not allow';
    case 'UnexpectedEndOfComment':
    case 'UnexpectedEndOfString':
      return 'an unterminated string or comment';
    case 'UnexpectedEndOfNumber':
      return 'an unterminated number';
    case 'InvalidUnicode':
      return 'an invalid \\u escape';
    case 'InvalidEscapeCharacter':
      return 'an invalid escape sequence';
    case 'InvalidCharacter':
      return 'a control character inside a string';
    default:
      return code;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of an offset. */
function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
