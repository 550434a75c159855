import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uploadApiHandler } from './api-handler.js';
import type { ApiGatewayResult } from './contract.js';
import { frontHandler } from './front-handler.js';

/** API Gateway's own request limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The upload page and its API on one local port, for a demo: `GET /` runs the front handler and
 * `POST /api` the API handler, each with the API Gateway proxy event it would get behind API
 * Gateway. The handlers reach S3 and Step Functions through the standard AWS_ENDPOINT_URL_*
 * variables, like everywhere else.
 */
export async function startUploadPageServer(options: { readonly port?: number; readonly host?: string } = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    void route(request).then((result) => {
      response.writeHead(result.statusCode, result.headers);
      response.end(result.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return { url: `http://${address}:${port}/`, server };
}

async function route(request: IncomingMessage): Promise<ApiGatewayResult> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method === 'GET' && path === '/') return frontHandler();
  if (request.method === 'POST' && path === '/api') {
    const body = await readBody(request);
    if (body === undefined) return plain(413, `request body over ${MAX_BODY_BYTES} bytes`);
    return uploadApiHandler({ httpMethod: 'POST', path, body, isBase64Encoded: false });
  }
  return plain(404, `no route for ${request.method} ${path}`);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const plain = (statusCode: number, text: string): ApiGatewayResult => ({ statusCode, headers: { 'content-type': 'text/plain' }, body: text });
