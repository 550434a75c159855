import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, PASS_DEFINITION, ROLE_ARN, startTestEndpoint, type TestEndpoint } from './support/endpoint.js';

// What the endpoint refuses before it runs any action: requests addressed to a name it does not
// answer to (DNS rebinding), and bodies over AWS's 1 MB, which it stops reading.

let test: TestEndpoint;
beforeAll(async () => {
  test = await startTestEndpoint();
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/**
 * An AWS JSON 1.0 call over node:http, with the Host header a browser would send for the page's
 * URL (fetch does not let a caller choose Host; a browser under DNS rebinding sends the attacker's name).
 */
function call(port: number, host: string, action: string, body: object = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = JSON.stringify(body);
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: { Host: host, 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${action}`, 'Content-Length': Buffer.byteLength(sent) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, json: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    request.on('error', reject);
    request.end(sent);
  });
}

/** Writes `head` on a raw connection, then `body` chunks as the socket drains, until the server closes or `limit` bytes are sent. */
function rawExchange(port: number, head: string, options: { chunk?: Buffer; limit: number }) {
  return new Promise<{ reply: string; sent: number; closedByServer: boolean }>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    let sent = 0;
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ reply, sent, closedByServer });
    };
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => (reply += text));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    // EPIPE / ECONNRESET: the server closed while this side was still writing.
    socket.on('error', () => finish(true));
    const pump = () => {
      while (!done && options.chunk) {
        if (sent >= options.limit) return finish(false);
        sent += options.chunk.length;
        if (!socket.write(options.chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      if (options.chunk) pump();
      else setTimeout(() => finish(false), 2_000);
    });
  });
}

describe('the Host header (DNS rebinding)', () => {
  it('answers requests addressed to 127.0.0.1, localhost or [::1] on its port', async () => {
    const { port } = test.endpoint;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      expect(await call(port, host, 'ListStateMachines'), host).toMatchObject({ status: 200, json: { stateMachines: expect.any(Array) } });
    }
  });

  it('refuses any other name, and another port, with HTTP 403 AccessDeniedException, before running the action', async () => {
    const { port } = test.endpoint;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.nip.io:${port}`, `localhost:${port + 1}`, `127.0.0.1:${port + 1}`, `localhost.:${port}`, 'localhost']) {
      const answer = await call(port, host, 'CreateStateMachine', { name: 'Rebound', definition: PASS_DEFINITION, roleArn: ROLE_ARN });
      expect(answer, host).toEqual({
        status: 403,
        json: { __type: 'AccessDeniedException', message: expect.stringContaining(`addressed to "${host}"`) },
      });
      expect(answer.json.message).toContain(`127.0.0.1:${port}, localhost:${port} or [::1]:${port}`);
    }
    const { stateMachines } = await test.sfn.send(new ListStateMachinesCommand({}));
    expect(stateMachines!.map((machine) => machine.name)).not.toContain('Rebound');
  });

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const { reply } = await rawExchange(test.endpoint.port, 'POST / HTTP/1.0\r\nX-Amz-Target: AWSStepFunctions.ListStateMachines\r\nContent-Length: 2\r\n\r\n{}', { limit: 0 });
    expect(reply).toMatch(/^HTTP\/1\.1 403 /);
    expect(reply).toContain('"__type":"AccessDeniedException"');
  });

  it('bound to another address, also answers to that address', async () => {
    const other = await startTestEndpoint({ host: '127.0.0.2' });
    try {
      const { port } = other.endpoint;
      expect(other.endpoint.url).toBe(`http://127.0.0.2:${port}`);
      const at = (host: string) => callAt('127.0.0.2', port, host);
      expect(await at(`127.0.0.2:${port}`)).toMatchObject({ status: 200 });
      expect(await at(`localhost:${port}`)).toMatchObject({ status: 200 });
      expect(await at(`127.0.0.3:${port}`)).toMatchObject({ status: 403, json: { __type: 'AccessDeniedException' } });
      expect(await at(`evil.example:${port}`)).toMatchObject({ status: 403 });
    } finally {
      await other.close();
    }
  });

  it('bound to every address (0.0.0.0), answers to any IP address and the machine name on its port, never to another name', async () => {
    const everywhere = await startTestEndpoint({ host: '0.0.0.0' });
    try {
      const { port } = everywhere.endpoint;
      for (const host of [`0.0.0.0:${port}`, `127.0.0.2:${port}`, `192.168.1.20:${port}`, `[fe80::1]:${port}`, `${hostname()}:${port}`, `localhost:${port}`]) {
        expect(await call(port, host, 'ListStateMachines'), host).toMatchObject({ status: 200 });
      }
      for (const host of [`evil.example:${port}`, `192.168.1.20:${port + 1}`, `${hostname()}.evil.example:${port}`]) {
        expect(await call(port, host, 'ListStateMachines'), host).toMatchObject({ status: 403, json: { __type: 'AccessDeniedException' } });
      }
    } finally {
      await everywhere.close();
    }
  });

  it('answers to the names given in allowedHosts: on any port, or on the one given', async () => {
    const named = await startTestEndpoint({ allowedHosts: ['step-functions', 'Docker-Host:9000'] });
    try {
      const { port } = named.endpoint;
      expect(await call(port, `step-functions:${port}`, 'ListStateMachines')).toMatchObject({ status: 200 });
      expect(await call(port, 'step-functions:1234', 'ListStateMachines')).toMatchObject({ status: 200 });
      expect(await call(port, 'docker-host:9000', 'ListStateMachines')).toMatchObject({ status: 200 });
      expect(await call(port, `docker-host:${port}`, 'ListStateMachines')).toMatchObject({ status: 403 });
      expect(await call(port, `localhost:${port}`, 'ListStateMachines')).toMatchObject({ status: 200 });
      expect(await call(port, `evil.example:${port}`, 'ListStateMachines')).toMatchObject({ status: 403 });
    } finally {
      await named.close();
    }
  });

  it('refuses an allowedHosts entry that is not a host name', async () => {
    await expect(startTestEndpoint({ allowedHosts: ['http://x'] })).rejects.toThrow('allowedHosts: "http://x" is not a host name');
  });
});

/** `call`, connecting to `address`. */
function callAt(address: string, port: number, host: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: address, port, method: 'POST', path: '/', headers: { Host: host, 'X-Amz-Target': 'AWSStepFunctions.ListStateMachines', 'Content-Length': 2 } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, json: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    request.on('error', reject);
    request.end('{}');
  });
}

describe('a request body over 1 MB', () => {
  const head = (port: number, length?: number) =>
    [
      'POST / HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'X-Amz-Target: AWSStepFunctions.ListStateMachines',
      'Content-Type: application/x-amz-json-1.0',
      length === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`,
      '',
      '',
    ].join('\r\n');

  it('is answered once with 413 and the connection closed, however long the client goes on sending', async () => {
    // One chunk of the chunked encoding, 64 KiB of JSON whitespace, repeated: a body with no end.
    const data = Buffer.alloc(64 * 1024, 0x20);
    const chunk = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
    const limit = 64 * 1024 * 1024;
    const { reply, sent, closedByServer } = await rawExchange(test.endpoint.port, head(test.endpoint.port), { chunk, limit });
    expect(closedByServer, `the server was still reading after ${sent} bytes`).toBe(true);
    expect(sent).toBeLessThan(limit);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(reply).toContain('Connection: close');
    expect(reply).toContain('"__type":"RequestEntityTooLargeException"');
  });

  it('is refused from its Content-Length, before any of it is sent', async () => {
    const { reply, closedByServer } = await rawExchange(test.endpoint.port, head(test.endpoint.port, 5 * 1024 * 1024), { limit: 0 });
    expect(closedByServer).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('the request body is 5242880 bytes');
  });

  it('leaves the endpoint serving', async () => {
    await expect(test.sfn.send(new ListStateMachinesCommand({}))).resolves.toMatchObject({ stateMachines: expect.any(Array) });
  });
});
