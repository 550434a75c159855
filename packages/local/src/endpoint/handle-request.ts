import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actions, isActionName, runAction } from './actions/index.js';
import { ApiError } from './api-error.js';
import type { EndpointContext } from './endpoint-context.js';
import { CONTENT_TYPE, encodeBody, encodeError, MAX_REQUEST_BYTES, TARGET_PREFIX } from './protocol.js';

/**
 * Answers one HTTP request: reads the body (at most 1 MB), finds the action named by X-Amz-Target,
 * checks the request against the action's shape, runs it and writes its output, or the error in
 * AWS's shape. Errors that are not the API's (bugs) are logged and answered as InternalFailure (500).
 */
export async function handleRequest(context: EndpointContext, request: IncomingMessage, response: ServerResponse, log: (text: string) => void): Promise<void> {
  let status = 200;
  let body: string;
  try {
    const text = await readBody(request);
    const action = actionOf(request);
    const output = await runAction(action, context, parseJson(text));
    body = encodeBody(output);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalFailure(error, log);
    status = apiError.httpStatus;
    body = encodeError(apiError);
  }
  response.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': randomUUID(),
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
 * The whole body, or RequestEntityTooLargeException (HTTP 413) past AWS's 1 MB per request. The rest
 * of a body that is too large is read and dropped, so that the client, still sending, gets the error
 * rather than a reset connection.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > MAX_REQUEST_BYTES) {
        reject(
          new ApiError(
            'RequestEntityTooLargeException',
            `Request Entity Too Large: the request body is ${size} bytes; Step Functions accepts at most ${MAX_REQUEST_BYTES} bytes (1 MB) per request.`,
            {},
            413,
          ),
        );
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    });
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
