/**
 * A recogniser for the JSONPath syntax AWS Step Functions accepts in JSONPath states.
 *
 * Why not a library: `jsonpath-plus` (a dependency, fine for *evaluating*) has no strict parser:
 * `toPathArray` and evaluation accept garbage such as `$.`, `$.a[` or `foo`. `jsonpath`'s parser
 * is strict but follows Goessner's grammar, not Jayway's: it rejects paths AWS accepts and real
 * definitions use (`$.detail-type`, `$$.Execution.Id`, `$.Snapshots.[0].State`, `$.${Attr}`) and
 * accepts `foo`. AWS documents its paths as Jayway JsonPath syntax, so this follows Jayway's
 * `PathCompiler` token by token, with AWS's additions and limits:
 *
 * - roots: `$` (input), `$$` (Context Object), `$name` (a variable; the name is a Unicode
 *   identifier, as the States Language specification defines variable names);
 * - `.name` reads up to the next `.`, `[` or `(` like Jayway (so `$.0`, `$.detail-type`,
 *   `$.&Ж中` are names), and a backslash escapes the next character, as in the specification's
 *   own examples (`$.store\.book`, `$.foo\@bar.baz\[\[.\?pretty`);
 * - `['name']` / `["name"]` (with escapes), `[0]`, `[-1]`, `[0,1]`, `['a','b']`, `[1:]`, `[:2]`,
 *   `[*]`, `.*`, `..name`, `[?( … )]` filters and a trailing Jayway function (`.length()`);
 * - whitespace around the whole path is ignored (Jayway trims it).
 *
 * A *reference path* (ResultPath, ItemsPath, SecondsPath…) must identify a single node: no `..`,
 * `*`, filters, slices, unions or functions. `analyzePath` reports which of these a path uses.
 */

export type PathRoot = 'input' | 'context' | 'variable';

/** One step of a reference path: a field name (escapes resolved) or an array index (negative: from the end). */
export type PathStep = string | number;

export interface PathAnalysis {
  /** Undefined when the syntax is valid; otherwise what is wrong, as a sentence fragment. */
  readonly error?: string;
  readonly root?: PathRoot;
  /** The variable's name for `$name…` paths. */
  readonly variable?: string;
  /** Undefined for a reference path; otherwise the first construct that selects more than one node. */
  readonly indefinite?: string;
}

/** Jayway's path functions (`$.list.length()`), allowed only at the end of a (non-reference) path. */
const FUNCTIONS = new Set(['min', 'max', 'avg', 'stddev', 'length', 'sum', 'keys', 'concat', 'append', 'first', 'last', 'index', 'size']);

/** Characters that end a `.name` or must be escaped inside it. */
const NAME_STOP = new Set(['.', '[', '(']);
const NAME_FORBIDDEN = new Set([']', ')', "'", '"', '?', '@', ',', ':', '*']);

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;
const WHITESPACE = /\s/;

class PathSyntaxError extends Error {}

/** `$.a.b[0]`, `$$.Execution.Id`: the common case, recognised without the parser. */
const SIMPLE_PATH = /^\$(\$?)((?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\])*)$/;
const SIMPLE_STEP = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/g;
const SIMPLE_INPUT: PathAnalysis = Object.freeze({ root: 'input' });
const SIMPLE_CONTEXT: PathAnalysis = Object.freeze({ root: 'context' });

/** A path's analysis and, for a valid reference path, the steps it reads. */
interface ParsedPath {
  readonly analysis: PathAnalysis;
  readonly steps?: readonly PathStep[];
}

/** Results by path text: definitions repeat the same paths many times. */
const cache = new Map<string, ParsedPath>();
const CACHE_LIMIT = 10_000;

export function analyzePath(text: string): PathAnalysis {
  const simple = SIMPLE_PATH.exec(text);
  if (simple) return simple[1] ? SIMPLE_CONTEXT : SIMPLE_INPUT;
  return parsed(text).analysis;
}

/**
 * The steps a valid reference path reads from its root (`$.a['b c'][0]` → `['a', 'b c', 0]`), or
 * undefined when the path is invalid or may select several nodes (a wildcard, deep scan, filter,
 * slice, list or function). Decided from the tokens, so a quoted name may hold any character:
 * `$.schedule['10:30']` reads one field.
 */
export function referencePathSteps(text: string): readonly PathStep[] | undefined {
  return parsed(text).steps;
}

function parsed(text: string): ParsedPath {
  let result = cache.get(text);
  if (!result) {
    const simple = SIMPLE_PATH.exec(text);
    result = simple ? simplePath(simple[1] ? SIMPLE_CONTEXT : SIMPLE_INPUT, simple[2]!) : parsePath(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, result);
  }
  return result;
}

function simplePath(analysis: PathAnalysis, rest: string): ParsedPath {
  const steps: PathStep[] = [];
  for (const [, name, index] of rest.matchAll(SIMPLE_STEP)) steps.push(name ?? Number(index));
  return { analysis, steps: Object.freeze(steps) };
}

function parsePath(text: string): ParsedPath {
  const path = text.trim();
  const cursor = new Cursor(path);
  let indefinite: string | undefined;
  const markIndefinite = (what: string) => {
    indefinite ??= what;
  };
  const steps: PathStep[] = [];
  const step = (value: PathStep | undefined) => {
    if (value !== undefined) steps.push(value);
  };
  try {
    if (path.length === 0) throw new PathSyntaxError('is empty; a path starts with "$"');
    if (path[0] !== '$') throw new PathSyntaxError(`must start with "$" (the input), "$$" (the Context Object) or "$name" (a variable)`);
    let root: PathRoot = 'input';
    let variable: string | undefined;
    cursor.advance();
    if (cursor.peek() === '$') {
      root = 'context';
      cursor.advance();
    } else if (cursor.more() && ID_START.test(cursor.peekCodePoint())) {
      root = 'variable';
      let name = cursor.takeCodePoint();
      while (cursor.more() && ID_CONTINUE.test(cursor.peekCodePoint())) name += cursor.takeCodePoint();
      variable = name;
    }
    while (cursor.more()) {
      const c = cursor.peek();
      if (c === '.') {
        if (cursor.peek(1) === '.') {
          markIndefinite('the deep scan ".."');
          cursor.advance(2);
          if (!cursor.more()) throw cursor.error('ends with ".."; name the field to search for after it');
          if (cursor.peek() === '.') throw cursor.error('has "..." (three dots)');
          if (cursor.peek() === '[') bracket(cursor, markIndefinite);
          else if (cursor.peek() === '*') {
            cursor.advance();
          } else dotName(cursor, markIndefinite);
          continue;
        }
        cursor.advance();
        if (!cursor.more()) throw cursor.error('ends with "."; name a field after the dot or remove it');
        const next = cursor.peek();
        if (next === '[') step(bracket(cursor, markIndefinite));
        else if (next === '*') {
          markIndefinite('the wildcard "*"');
          cursor.advance();
        } else step(dotName(cursor, markIndefinite));
      } else if (c === '[') {
        step(bracket(cursor, markIndefinite));
      } else {
        throw cursor.error(`has "${c}" where ".name" or "[…]" was expected`);
      }
    }
    const analysis: PathAnalysis = {
      root,
      ...(variable !== undefined && { variable }),
      ...(indefinite !== undefined && { indefinite }),
    };
    return indefinite === undefined ? { analysis, steps: Object.freeze(steps) } : { analysis };
  } catch (error) {
    if (error instanceof PathSyntaxError) return { analysis: { error: error.message } };
    throw error;
  }
}

/** `.name`, possibly a function call `.length()` which must end the path; returns the name (none for a function). */
function dotName(cursor: Cursor, markIndefinite: (what: string) => void): string | undefined {
  const start = cursor.position;
  let name = '';
  for (let c = cursor.peek(); c !== undefined; c = cursor.peek()) {
    if (c === '\\') {
      cursor.advance();
      if (!cursor.more()) throw cursor.error('ends with a lone backslash');
      name += cursor.take();
      continue;
    }
    if (NAME_STOP.has(c)) break;
    if (WHITESPACE.test(c)) {
      throw cursor.error(`has a space in the field name "${name}…"; write a name with spaces as ['my field']`);
    }
    if (NAME_FORBIDDEN.has(c)) {
      throw cursor.error(`has "${c}" in a field name; write such a name in brackets, ['name${c}…'], or escape it with a backslash`);
    }
    name += cursor.take();
  }
  if (name.length === 0) throw cursor.errorAt(start, 'has an empty field name');
  if (cursor.peek() === '(') {
    if (!FUNCTIONS.has(name)) throw cursor.errorAt(start, `calls "${name}()", which is not a JSONPath function`);
    markIndefinite(`the function "${name}()"`);
    cursor.advance();
    balanced(cursor, ')');
    if (cursor.more()) throw cursor.error(`continues after the function "${name}()"; a function must end the path`);
    return undefined;
  }
  return name;
}

/** `[ … ]`: quoted names, indexes, slices, `*` or a filter. The cursor is on `[`. Returns the first name or index. */
function bracket(cursor: Cursor, markIndefinite: (what: string) => void): PathStep | undefined {
  const open = cursor.position;
  let selected: PathStep | undefined;
  cursor.advance();
  cursor.skipSpaces();
  const c = cursor.peek();
  if (c === undefined) throw cursor.errorAt(open, 'has an unclosed "["');
  if (c === "'" || c === '"') {
    let count = 0;
    for (;;) {
      selected = quoted(cursor);
      count++;
      cursor.skipSpaces();
      if (cursor.peek() === ',') {
        cursor.advance();
        cursor.skipSpaces();
        if (cursor.peek() !== "'" && cursor.peek() !== '"') throw cursor.error('has a "," not followed by a quoted name');
        continue;
      }
      break;
    }
    if (count > 1) markIndefinite('a list of names');
  } else if (c === '*') {
    markIndefinite('the wildcard "[*]"');
    cursor.advance();
    cursor.skipSpaces();
  } else if (c === '?') {
    markIndefinite('a filter "[?(…)]"');
    cursor.advance();
    cursor.skipSpaces();
    if (cursor.peek() !== '(') throw cursor.error('has "[?" not followed by "("; write a filter as [?(@.field == \'value\')]');
    const start = cursor.position;
    cursor.advance();
    balanced(cursor, ')');
    if (cursor.position - start <= 2) throw cursor.errorAt(start, 'has an empty filter "[?()]"');
    cursor.skipSpaces();
  } else if (c === '-' || c === ':' || isDigit(c)) {
    selected = indexes(cursor, markIndefinite);
  } else if (c === ']') {
    throw cursor.errorAt(open, 'has empty brackets "[]"; put an index, a quoted name or * inside');
  } else {
    throw cursor.error(`has "${c}" inside brackets, where an index, a quoted name ('name'), * or a filter ?(…) was expected`);
  }
  if (cursor.peek() !== ']') {
    if (!cursor.more()) throw cursor.errorAt(open, 'has an unclosed "["');
    throw cursor.error(`has "${cursor.peek()}" where "]" was expected`);
  }
  cursor.advance();
  return selected;
}

/** `0`, `-1`, `0,1,2`, `1:`, `:2`, `1:3`; returns the first index. */
function indexes(cursor: Cursor, markIndefinite: (what: string) => void): number | undefined {
  const integer = (optional: boolean): boolean => {
    const start = cursor.position;
    if (cursor.peek() === '-') cursor.advance();
    let digits = 0;
    while (isDigit(cursor.peek())) {
      cursor.advance();
      digits++;
    }
    if (digits === 0) {
      if (!optional || cursor.position !== start) throw cursor.errorAt(start, 'has an index that is not a whole number');
      return false;
    }
    return true;
  };
  const firstStart = cursor.position;
  const first = integer(true);
  const index = first ? Number(cursor.text.slice(firstStart, cursor.position)) : undefined;
  cursor.skipSpaces();
  if (cursor.peek() === ':') {
    markIndefinite('an array slice "[a:b]"');
    cursor.advance();
    cursor.skipSpaces();
    const second = integer(true);
    cursor.skipSpaces();
    if (!first && !second) throw cursor.error('has a slice "[:]" with neither start nor end');
    return undefined;
  }
  if (!first) throw cursor.error('has an index that is not a whole number');
  let count = 1;
  while (cursor.peek() === ',') {
    cursor.advance();
    cursor.skipSpaces();
    integer(false);
    cursor.skipSpaces();
    count++;
  }
  if (count > 1) markIndefinite('a list of indexes');
  return index;
}

/** A quoted name with backslash escapes; the cursor is on the opening quote. Returns the name, escapes resolved. */
function quoted(cursor: Cursor): string {
  const start = cursor.position;
  const quote = cursor.take();
  let name = '';
  while (cursor.more()) {
    const c = cursor.take();
    if (c === '\\') {
      if (!cursor.more()) break;
      name += cursor.take();
    } else if (c === quote) {
      return name;
    } else {
      name += c;
    }
  }
  throw cursor.errorAt(start, `has an unclosed quote ${quote}`);
}

/** Skips to the matching closer, minding nested brackets and quoted strings; the cursor is past the opener. */
function balanced(cursor: Cursor, closer: ')' | ']'): void {
  const start = cursor.position - 1;
  const stack: string[] = [closer];
  while (cursor.more()) {
    const c = cursor.peek();
    if (c === "'" || c === '"') {
      quoted(cursor);
      continue;
    }
    cursor.advance();
    if (c === '(') stack.push(')');
    else if (c === '[') stack.push(']');
    else if (c === ')' || c === ']') {
      if (stack.at(-1) !== c) throw cursor.errorAt(cursor.position - 1, `has an unmatched "${c}"`);
      stack.pop();
      if (stack.length === 0) return;
    }
  }
  throw cursor.errorAt(start, `has an unclosed "${cursor.text[start]}"`);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

class Cursor {
  position = 0;
  constructor(readonly text: string) {}
  more(): boolean {
    return this.position < this.text.length;
  }
  peek(offset = 0): string | undefined {
    return this.text[this.position + offset];
  }
  peekCodePoint(): string {
    return String.fromCodePoint(this.text.codePointAt(this.position)!);
  }
  take(): string {
    return this.text[this.position++]!;
  }
  takeCodePoint(): string {
    const c = this.peekCodePoint();
    this.position += c.length;
    return c;
  }
  advance(count = 1): void {
    this.position += count;
  }
  skipSpaces(): void {
    while (this.more() && WHITESPACE.test(this.text[this.position]!)) this.position++;
  }
  error(message: string): PathSyntaxError {
    return this.errorAt(this.position, message);
  }
  errorAt(position: number, message: string): PathSyntaxError {
    return new PathSyntaxError(`${message} (at character ${position + 1})`);
  }
}
