import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** The action, from X-Amz-Target (`AWSStepFunctions.CreateStateMachine` → `CreateStateMachine`). */
  readonly action: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeAnswer {
  readonly status?: number;
  readonly body: Record<string, unknown>;
}

/**
 * A tiny Step Functions endpoint speaking AWS's JSON 1.0 protocol, answering every request with
 * `answer(action, body)` and recording them: to test what the CLI sends where the local endpoint
 * cannot answer like AWS (versions and aliases, refused credentials). An error is answered as AWS
 * answers it: HTTP 400 and `{ "__type": code, "message": … }`.
 */
export async function fakeStepFunctions(answer: (action: string, body: Record<string, unknown>) => FakeAnswer) {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const action = String(request.headers['x-amz-target'] ?? '').replace(/^AWSStepFunctions\./, '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({ action, body, headers: request.headers });
      const { status = 200, body: reply } = answer(action, body);
      const text = JSON.stringify(reply);
      response.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const awsError = (type: string, message: string): FakeAnswer => ({ status: 400, body: { __type: type, message } });
