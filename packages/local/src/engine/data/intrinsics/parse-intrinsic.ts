/**
 * The syntax tree of an intrinsic function call such as
 * `States.Format('Hello, {}', States.ArrayGetItem($.names, 0))`: arguments are string literals
 * (with `\'`, `\{`, `\}` and `\\` escapes), numbers, booleans, null, paths (`$.a`, `$$.b`, `$var`)
 * and nested calls.
 */
export type IntrinsicArgument =
  | {
      readonly kind: 'literal';
      readonly value: unknown;
      /** string literals: the text between the quotes, escapes kept */ readonly raw?: string;
    }
  | { readonly kind: 'path'; readonly path: string }
  | IntrinsicCall;

export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
}

export class IntrinsicSyntaxError extends Error {}

const cache = new Map<string, IntrinsicCall>();

/** Parses a call; throws IntrinsicSyntaxError (the validator normally rejects these before a run). */
export function parseIntrinsic(text: string): IntrinsicCall {
  let call = cache.get(text);
  if (!call) {
    const parser = new Parser(text);
    call = parser.call();
    parser.skipSpaces();
    if (parser.position < text.length) parser.fail('text after the closing parenthesis');
    cache.set(text, call);
  }
  return call;
}

/** Does this `.$` value look like a call (`States.X(`) rather than a path? */
export function isIntrinsicCall(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(text);
}

class Parser {
  position = 0;

  constructor(private readonly text: string) {}

  fail(what: string): never {
    throw new IntrinsicSyntaxError(`Invalid intrinsic function call ${this.text}: ${what} at character ${this.position + 1}.`);
  }

  skipSpaces(): void {
    while (this.text[this.position] === ' ') this.position++;
  }

  call(): IntrinsicCall {
    this.skipSpaces();
    const name = /^[A-Za-z0-9.]+/.exec(this.text.slice(this.position))?.[0];
    if (!name) this.fail('a function name expected');
    this.position += name.length;
    this.skipSpaces();
    if (this.text[this.position] !== '(') this.fail('"(" expected');
    this.position++;
    const args: IntrinsicArgument[] = [];
    this.skipSpaces();
    if (this.text[this.position] === ')') {
      this.position++;
      return { kind: 'call', name, args };
    }
    for (;;) {
      args.push(this.argument());
      this.skipSpaces();
      const next = this.text[this.position];
      this.position++;
      if (next === ')') return { kind: 'call', name, args };
      if (next !== ',') this.fail('"," or ")" expected');
    }
  }

  argument(): IntrinsicArgument {
    this.skipSpaces();
    const rest = this.text.slice(this.position);
    if (rest.startsWith("'")) return this.string();
    if (rest.startsWith('$')) return { kind: 'path', path: this.path() };
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)(?=\s*[,)])/.exec(rest)?.[0];
    if (literal) {
      this.position += literal.length;
      return { kind: 'literal', value: JSON.parse(literal) };
    }
    if (/^[A-Za-z]/.test(rest)) return this.call();
    return this.fail('an argument expected');
  }

  string(): IntrinsicArgument {
    this.position++; // opening quote
    const start = this.position;
    let value = '';
    while (this.position < this.text.length) {
      const c = this.text[this.position]!;
      if (c === '\\') {
        const escaped = this.text[this.position + 1];
        if (escaped === undefined) break;
        value += escaped;
        this.position += 2;
      } else if (c === "'") {
        const raw = this.text.slice(start, this.position);
        this.position++;
        return { kind: 'literal', value, raw };
      } else {
        value += c;
        this.position++;
      }
    }
    return this.fail('unterminated string');
  }

  /** A path runs to the next "," or ")" outside brackets, quotes and filter parentheses. */
  path(): string {
    const start = this.position;
    let depth = 0;
    let quote: string | undefined;
    for (; this.position < this.text.length; this.position++) {
      const c = this.text[this.position]!;
      if (quote) {
        if (c === '\\') this.position++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || (c === ')' && depth > 0)) depth--;
      else if ((c === ',' || c === ')') && depth === 0) break;
    }
    return this.text.slice(start, this.position).trim();
  }
}
