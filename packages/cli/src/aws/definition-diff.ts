import { isDeepStrictEqual } from 'node:util';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * True when two definitions are the same JSON (key order and formatting aside): pushing one over
 * the other changes nothing a state machine does.
 */
export function sameDefinition(deployed: string, next: string): boolean {
  const [a, b] = [parse(deployed), parse(next)];
  return a === undefined || b === undefined ? deployed === next : isDeepStrictEqual(a, b);
}

/**
 * A unified diff of the deployed definition against the new one, both pretty-printed the same
 * way so that only real changes show, with 3 lines of context:
 *
 *     --- deployed StockTrader
 *     +++ new StockTrader
 *     @@ -4,3 +4,3 @@
 *     -      "Resource": "arn:aws:lambda:…:function:old",
 *     +      "Resource": "arn:aws:lambda:…:function:new",
 */
export function definitionDiff(name: string, deployed: string, next: string): string {
  return createTwoFilesPatch(`deployed ${name}`, `new ${name}`, pretty(deployed), pretty(next), undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

function pretty(definition: string): string {
  const parsed = parse(definition);
  return parsed === undefined ? `${definition.trimEnd()}\n` : `${JSON.stringify(parsed, null, 2)}\n`;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
