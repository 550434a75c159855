/**
 * The names the endpoint answers to: a defence against DNS rebinding.
 *
 * A web page the user happens to visit can make the browser send requests to 127.0.0.1:8083 under
 * a name its author controls (`evil.example` answering a first DNS lookup with its own server, the
 * next with 127.0.0.1). The browser then holds the endpoint to be the same origin as the page, and
 * lets the page's scripts call its API and read the answers: create state machines, start
 * executions that run the local task handlers, read execution histories. Binding 127.0.0.1 does not
 * help (the browser is on this machine), and the endpoint checks no credentials (nor does Step
 * Functions Local). What such a request cannot hide is its `Host` header, which carries the name
 * from the page's URL, so the endpoint answers only requests addressed to a name of its own:
 *
 * - `127.0.0.1`, `localhost` and `[::1]`, on the port it listens on (names compare without case);
 * - the address it was bound to, on that port (`--host 192.168.1.5` → `192.168.1.5:8083`);
 * - bound to every address (`0.0.0.0` or `::`), any IP address and this machine's host name, on
 *   that port: clients on the network reach it by its addresses, and an IP address cannot be
 *   rebound (rebinding needs a name whose lookups the attacker answers);
 * - the names given in `allowedHosts`: `name` on any port, or `name:port` on that port only (a
 *   Docker service name, a port that Docker maps to another).
 *
 * Anything else, or no Host at all, is refused before the body is read or any action runs, with
 * HTTP 403 and `{"__type": "AccessDeniedException", "message": …}`, the shape in which AWS refuses a
 * request it will not serve; the SDK throws it as an error named AccessDeniedException.
 */
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { ApiError } from './api-error.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** A Host header's name (lower case, IPv6 in brackets) and port (80, HTTP's, when not given). */
interface HostAndPort {
  readonly name: string;
  readonly port: number;
}

/** An `allowedHosts` entry: any port when `port` is undefined. */
interface AllowedName {
  readonly name: string;
  readonly port: number | undefined;
}

export class AllowedHosts {
  readonly #names: readonly string[];
  readonly #wildcard: boolean;
  readonly #extra: readonly AllowedName[];

  /**
   * @param boundHost the address given to `listen` (127.0.0.1, 0.0.0.0, ::1, a host name).
   * @param allowedHosts further names, `name` or `name:port`.
   */
  constructor(boundHost: string, allowedHosts: readonly string[] = []) {
    const bound = bracketed(boundHost.toLowerCase());
    this.#wildcard = WILDCARD_ADDRESSES.has(bound);
    const names = new Set<string>(LOOPBACK_NAMES);
    names.add(bound);
    if (this.#wildcard) names.add(hostname().toLowerCase());
    this.#names = [...names];
    this.#extra = allowedHosts.map(parseAllowedName);
  }

  /** Whether a request with this Host header, received on `port`, is addressed to the endpoint. */
  allows(hostHeader: string | undefined, port: number): boolean {
    const host = hostHeader === undefined ? undefined : parseHost(hostHeader);
    if (host === undefined) return false;
    if (host.port === port && (this.#names.includes(host.name) || (this.#wildcard && isIP(unbracketed(host.name)) !== 0))) return true;
    return this.#extra.some((allowed) => allowed.name === host.name && (allowed.port === undefined || allowed.port === host.port));
  }

  /** Throws the 403 AccessDeniedException for a Host the endpoint does not answer to. */
  check(hostHeader: string | undefined, port: number): void {
    if (this.allows(hostHeader, port)) return;
    const names = this.#names.map((name) => `${name}:${port}`);
    const listed = `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}${this.#wildcard ? `, or any IP address on port ${port}` : ''}`;
    const extra = this.#extra.length > 0 ? ` (and to ${this.#extra.map((allowed) => (allowed.port === undefined ? allowed.name : `${allowed.name}:${allowed.port}`)).join(', ')})` : '';
    throw new ApiError(
      'AccessDeniedException',
      `The local endpoint refuses a request addressed to ${hostHeader === undefined ? 'no host (the request has no Host header)' : `"${hostHeader}"`}: it answers only to ${listed}${extra}, so that a web page cannot reach it through DNS rebinding. To reach it under another name, start it with that name in allowedHosts (typestep local --allowed-host NAME).`,
      {},
      403,
    );
  }
}

/** "Name:8083" → { name: "name", port: 8083 }; "[::1]:8083" → { name: "[::1]", port: 8083 }; undefined if malformed. */
function parseHost(text: string): HostAndPort | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/i.exec(text.trim());
  if (!match) return undefined;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { name: match[1]!.toLowerCase(), port };
}

function parseAllowedName(entry: string): AllowedName {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9._-]*[a-z0-9])?)(?::(\d{1,5}))?$/i.exec(entry.trim());
  const port = match?.[3] === undefined ? undefined : Number(match[3]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new Error(`allowedHosts: "${entry}" is not a host name: give a name or address, optionally with a port ("step-functions", "docker-host:9000", "[fd00::2]").`);
  }
  return { name: match[1]!.toLowerCase(), port };
}

/** An IPv6 address as it appears in a Host header: in brackets. */
function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function unbracketed(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
