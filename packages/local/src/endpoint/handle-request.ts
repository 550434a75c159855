import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actions, isActionName, runAction } from './actions/index.js';
import type { AllowedHosts } from './allowed-hosts.js';
import { ApiError } from './api-error.js';
import type { EndpointContext } from './endpoint-context.js';
import { CONTENT_TYPE, encodeBody, encodeError, MAX_REQUEST_BYTES, TARGET_PREFIX } from './protocol.js';

/** How the endpoint's HTTP server treats every request, whatever its action. */
export interface RequestSettings {
  /** The names a request may be addressed to (its Host header): see allowed-hosts.ts. */
  readonly hosts: AllowedHosts;
  /** Where internal errors are reported. */
  readonly log: (text: string) => void;
}

/**
 * Answers one HTTP request: checks that it is addressed to the endpoint (the Host header, against
 * DNS rebinding: see allowed-hosts.ts), reads the body (at most 1 MB), finds the action named by
 * X-Amz-Target, checks the request against the action's shape, runs it and writes its output, or
 * the error in AWS's shape. Errors that are not the API's (bugs) are logged and answered as
 * InternalFailure (500). A request refused before its body was read whole (wrong Host, body too
 * large) is answered at once with `Connection: close`, and Node's server ends the connection as soon
 * as the answer is sent, without waiting for the rest of the body.
 */
export async function handleRequest(context: EndpointContext, request: IncomingMessage, response: ServerResponse, settings: RequestSettings): Promise<void> {
  let status = 200;
  let body: string;
  let closeConnection = false;
  try {
    settings.hosts.check(request.headers.host, request.socket.localPort ?? 0);
    const text = await readBody(request);
    const action = actionOf(request);
    const output = await runAction(action, context, parseJson(text));
    body = encodeBody(output);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalFailure(error, settings.log);
    status = apiError.httpStatus;
    body = encodeError(apiError);
    closeConnection = apiError.code === 'AccessDeniedException' || apiError.code === 'RequestEntityTooLargeException';
  }
  response.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': randomUUID(),
    ...(closeConnection && { Connection: 'close' }),
  });
  response.end(body);
}

function actionOf(request: IncomingMessage) {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
    throw new ApiError(
      'UnknownOperationException',
      `This is a Step Functions endpoint (AWS JSON 1.0 protocol): send a POST to / with the header X-Amz-Target: ${TARGET_PREFIX}<Action>${typeof target === 'string' ? ` (got "${target}")` : ''}.`,
    );
  }
  const action = target.slice(TARGET_PREFIX.length);
  if (!isActionName(action)) {
    throw new ApiError('UnknownOperationException', `The local endpoint does not implement ${target}. It serves: ${Object.keys(actions).join(', ')}.`);
  }
  return action;
}

/**
 * The whole body, or RequestEntityTooLargeException (HTTP 413) past AWS's 1 MB per request: at once
 * for a Content-Length over it, else as soon as the bytes read go over it. Nothing more is kept
 * then, and the caller closes the connection once it has answered, so a client that goes on
 * sending (or sends forever) is not read further.
 */
function readBody(request: IncomingMessage): Promise<string> {
  const tooLarge = (size: string) =>
    new ApiError(
      'RequestEntityTooLargeException',
      `Request Entity Too Large: the request body is ${size}; Step Functions accepts at most ${MAX_REQUEST_BYTES} bytes (1 MB) per request.`,
      {},
      413,
    );
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) return Promise.reject(tooLarge(`${declared} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      chunks.length = 0;
      reject(tooLarge(`over ${MAX_REQUEST_BYTES} bytes (${size} read so far)`));
    };
    request.on('data', onData);
    request.on('error', reject);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('SerializationException', `The request body is not valid JSON: ${(error as Error).message}.`);
  }
}

function internalFailure(error: unknown, log: (text: string) => void): ApiError {
  log(`typestep local: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return new ApiError('InternalFailure', `The local endpoint failed on this request: ${error instanceof Error ? error.message : String(error)}`, {}, 500);
}
