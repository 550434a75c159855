import { analyzePath } from './jsonpath.js';
import { closest } from './text.js';

/**
 * The JSONPath intrinsic functions of the States Language, with how many arguments each takes
 * (max undefined: any number). States.Format's first argument is a template whose `{}` count must
 * match the arguments that follow.
 */
export const INTRINSIC_FUNCTIONS: { readonly [name: string]: { readonly min: number; readonly max?: number } } = {
  'States.Format': { min: 1 },
  'States.StringToJson': { min: 1, max: 1 },
  'States.JsonToString': { min: 1, max: 1 },
  'States.Array': { min: 0 },
  'States.ArrayPartition': { min: 2, max: 2 },
  'States.ArrayContains': { min: 2, max: 2 },
  'States.ArrayRange': { min: 3, max: 3 },
  'States.ArrayGetItem': { min: 2, max: 2 },
  'States.ArrayLength': { min: 1, max: 1 },
  'States.ArrayUnique': { min: 1, max: 1 },
  'States.Base64Encode': { min: 1, max: 1 },
  'States.Base64Decode': { min: 1, max: 1 },
  'States.Hash': { min: 2, max: 2 },
  'States.JsonMerge': { min: 3, max: 3 },
  'States.MathRandom': { min: 2, max: 3 },
  'States.MathAdd': { min: 2, max: 2 },
  'States.StringSplit': { min: 2, max: 2 },
  'States.UUID': { min: 0, max: 0 },
};
const NAMES = Object.keys(INTRINSIC_FUNCTIONS);

/** What is wrong with an intrinsic call: a bad path argument (STEP501) or anything else (STEP504). */
export interface IntrinsicProblem {
  readonly kind: 'path' | 'intrinsic';
  readonly message: string;
}

/**
 * The syntax tree of an intrinsic function call such as
 * `States.Format('Hello, {}', States.ArrayGetItem($.names, 0))`: its arguments are literals
 * (strings, numbers, true/false, null), paths (`$.a`, `$$.b`, `$var`) and nested calls. The local
 * engine evaluates this tree; the validator reports the problems of the same parse.
 */
export type IntrinsicArgument = IntrinsicLiteral | IntrinsicPath | IntrinsicCall;

export interface IntrinsicLiteral {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
  /** For a 'string': the text between the quotes with its escapes kept (States.Format's `\{` is a literal brace). */
  readonly raw?: string;
}

export interface IntrinsicPath {
  readonly kind: 'path';
  /** As written, without the whitespace around it. */
  readonly path: string;
}

export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
}

/** One parse of a call: the tree when it is well-formed, otherwise its first problem; and its paths. */
export interface ParsedIntrinsic {
  readonly call?: IntrinsicCall;
  readonly problem?: IntrinsicProblem;
  /** The path arguments read before any problem, nested calls' included, as written. */
  readonly paths: readonly string[];
}

/** Does the text look like a function call (`Name(`)? Used to tell intrinsics from other strings. */
export function looksLikeIntrinsic(text: string): boolean {
  return /^\s*[A-Za-z0-9._]+\s*\(/.test(text);
}

/**
 * Parses `States.Name(arg, …)` per the specification: arguments are 'strings' (with `\'`, `\{`,
 * `\}`, `\\` escapes), numbers, null, true/false, paths and nested calls, with any whitespace
 * between them. Returns the first problem, or undefined when the call is well-formed.
 */
export function analyzeIntrinsic(text: string): IntrinsicProblem | undefined {
  return parseIntrinsic(text).problem;
}

/** The path arguments of an intrinsic call, nested calls' included (`$.a`, `$total`), as written. */
export function pathsInIntrinsic(text: string): readonly string[] {
  return parseIntrinsic(text).paths;
}

/** Results by call text: definitions repeat the same calls, and the engine evaluates them many times. */
const cache = new Map<string, ParsedIntrinsic>();

/** Parses an intrinsic call into its syntax tree (`call`), or its first `problem`. */
export function parseIntrinsic(text: string): ParsedIntrinsic {
  let result = cache.get(text);
  if (!result) {
    result = parse(text);
    if (cache.size >= 10_000) cache.clear();
    cache.set(text, result);
  }
  return result;
}

function parse(text: string): ParsedIntrinsic {
  const parser = new Parser(text.trim());
  try {
    const call = parser.call();
    parser.spaces();
    if (parser.more()) parser.fail(`has "${parser.rest()}" after the closing parenthesis`);
    return { call, paths: parser.paths };
  } catch (error) {
    if (error instanceof ProblemError) return { problem: error.problem, paths: parser.paths };
    throw error;
  }
}

class ProblemError extends Error {
  constructor(readonly problem: IntrinsicProblem) {
    super(problem.message);
  }
}

class Parser {
  position = 0;
  readonly paths: string[] = [];
  constructor(readonly text: string) {}

  more(): boolean {
    return this.position < this.text.length;
  }
  rest(): string {
    return this.text.slice(this.position);
  }
  spaces(): void {
    while (this.more() && /\s/.test(this.text[this.position]!)) this.position++;
  }
  fail(message: string, kind: IntrinsicProblem['kind'] = 'intrinsic'): never {
    throw new ProblemError({ kind, message });
  }

  call(): IntrinsicCall {
    const match = /^[A-Za-z0-9._]+/.exec(this.rest());
    if (!match) this.fail('does not start with a function name such as States.Format');
    const name = match[0];
    this.position += name.length;
    const spec = INTRINSIC_FUNCTIONS[name];
    if (!spec) {
      const suggestion = closest(name, NAMES);
      this.fail(
        `calls "${name}", which is not an intrinsic function${suggestion ? ` (did you mean ${suggestion}?)` : ''}; the functions are ${NAMES.join(', ')}`,
      );
    }
    if (this.text[this.position] !== '(') this.fail(`has no "(" right after ${name}`);
    this.position++;
    const args: IntrinsicArgument[] = [];
    this.spaces();
    if (this.text[this.position] === ')') {
      this.position++;
    } else {
      for (;;) {
        this.spaces();
        args.push(this.argument(name, args.length + 1));
        this.spaces();
        const c = this.text[this.position];
        if (c === ',') {
          this.position++;
          continue;
        }
        if (c === ')') {
          this.position++;
          break;
        }
        if (c === undefined) this.fail(`is missing the closing ")" of ${name}(…)`);
        this.fail(`has "${c}" after argument ${args.length} of ${name}, where "," or ")" was expected`);
      }
    }
    if (args.length < spec.min || (spec.max !== undefined && args.length > spec.max)) {
      const expected =
        spec.max === undefined ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min} or ${spec.max}`;
      this.fail(`calls ${name} with ${args.length} argument${args.length === 1 ? '' : 's'}; it takes ${expected}`);
    }
    const template = args[0];
    if (name === 'States.Format' && template?.kind === 'literal' && template.raw !== undefined) {
      const slots = countSlots(template.raw);
      if (slots !== args.length - 1) {
        this.fail(
          `has ${slots} "{}" placeholder${slots === 1 ? '' : 's'} in its States.Format template but ${args.length - 1} value${args.length - 1 === 1 ? '' : 's'} after it; give one value per {} (escape a literal brace as \\\\{ in JSON)`,
        );
      }
    }
    return { kind: 'call', name, args };
  }

  argument(functionName: string, index: number): IntrinsicArgument {
    const c = this.text[this.position];
    if (c === undefined || c === ')' || c === ',') this.fail(`has an empty argument ${index} in ${functionName}(…)`);
    if (c === "'") return this.string();
    if (c === '$') return { kind: 'path', path: this.path(functionName, index) };
    const rest = this.rest();
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number && !/^[A-Za-z_.]/.test(rest.slice(number[0].length))) {
      this.position += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const literal = /^(null|true|false)(?![A-Za-z0-9_.])/.exec(rest);
    if (literal) {
      this.position += literal[0].length;
      return { kind: 'literal', value: literal[0] === 'null' ? null : literal[0] === 'true' };
    }
    if (/^[A-Za-z0-9._]+\(/.test(rest)) return this.call();
    const token = /^[^,)]*/.exec(rest)![0].trim();
    return this.fail(
      `has argument ${index} of ${functionName} as ${token}, which is not a 'string' (in single quotes), a number, null, a path ($…) or a function call`,
    );
  }

  /** A 'quoted' string: its value, and its text with the escapes kept (for States.Format's `{}`). */
  string(): IntrinsicLiteral {
    const start = ++this.position;
    let value = '';
    while (this.more()) {
      const c = this.text[this.position]!;
      if (c === '\\') {
        const next = this.text[this.position + 1];
        if (next === undefined || !"'{}\\".includes(next)) {
          this.fail(
            `has "\\${next ?? ''}" in a string; only \\', \\{, \\} and \\\\ are escapes in intrinsic functions (write a literal backslash as \\\\\\\\ in JSON)`,
          );
        }
        value += next;
        this.position += 2;
        continue;
      }
      if (c === "'") {
        const raw = this.text.slice(start, this.position);
        this.position++;
        return { kind: 'literal', value, raw };
      }
      value += c;
      this.position++;
    }
    return this.fail(`has an unclosed string starting at character ${start}`);
  }

  /** A path argument: up to the next `,` or `)` outside brackets, parentheses and quotes. */
  path(functionName: string, index: number): string {
    const start = this.position;
    let depth = 0;
    let quote: string | undefined;
    while (this.more()) {
      const c = this.text[this.position]!;
      if (quote) {
        if (c === '\\') this.position++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || (c === ')' && depth > 0)) depth--;
      else if (depth === 0 && (c === ',' || c === ')')) break;
      this.position++;
    }
    const path = this.text.slice(start, this.position).trim();
    this.paths.push(path);
    const analysis = analyzePath(path);
    if (analysis.error) this.fail(`has argument ${index} of ${functionName}, "${path}", which ${analysis.error}`, 'path');
    return path;
  }
}

/** Counts unescaped `{}` pairs in a States.Format template (escapes as written: `\{`). */
function countSlots(template: string): number {
  let count = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '\\') {
      i++;
      continue;
    }
    if (template[i] === '{' && template[i + 1] === '}') {
      count++;
      i++;
    }
  }
  return count;
}
