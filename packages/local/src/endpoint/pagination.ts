import { ApiError } from './api-error.js';

/** AWS: "The default is 100 and the max is 1000"; 0 means the default. */
const DEFAULT_PAGE_SIZE = 100;

export interface PageRequest {
  maxResults?: number | undefined;
  nextToken?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items`. The token names the last item returned and the listing it belongs to
 * (`scope`: the action and its filters), so a page continues after that item even when newer items
 * were added in front meanwhile, and a token from another listing is refused with InvalidToken.
 */
export function paginate<T>(items: readonly T[], request: PageRequest, scope: string, keyOf: (item: T) => string): Page<T> {
  const size = request.maxResults || DEFAULT_PAGE_SIZE;
  let start = 0;
  if (request.nextToken !== undefined) {
    const after = decode(request.nextToken, scope);
    const index = items.findIndex((item) => keyOf(item) === after);
    if (index < 0) throw invalidToken(request.nextToken, 'the item it continues after no longer exists');
    start = index + 1;
  }
  const page = items.slice(start, start + size);
  const more = start + size < items.length;
  return { items: page, ...(more && { nextToken: encode(scope, keyOf(page.at(-1)!)) }) };
}

function encode(scope: string, after: string): string {
  return Buffer.from(JSON.stringify({ scope, after })).toString('base64url');
}

function decode(token: string, scope: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken(token, 'it is not a token this endpoint issued');
  }
  const { scope: tokenScope, after } = (parsed ?? {}) as { scope?: unknown; after?: unknown };
  if (typeof after !== 'string') throw invalidToken(token, 'it is not a token this endpoint issued');
  if (tokenScope !== scope) throw invalidToken(token, 'it belongs to another listing (pass the same arguments as the call that returned it)');
  return after;
}

function invalidToken(token: string, why: string): ApiError {
  return new ApiError('InvalidToken', `Invalid Token: '${token}': ${why}.`);
}
