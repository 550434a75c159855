import { CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowedHosts } from '../../src/endpoint/allowed-hosts.js';
import type { EndpointContext } from '../../src/endpoint/endpoint-context.js';
import { handleRequest } from '../../src/endpoint/handle-request.js';
import { cleanup, PASS_DEFINITION, ROLE_ARN, startTestEndpoint, waitForEnd, type TestEndpoint } from './support/endpoint.js';

let test: TestEndpoint;
beforeAll(async () => {
  test = await startTestEndpoint();
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

/** A raw AWS JSON 1.0 call, as the SDKs make it. */
async function call(action: string | undefined, body: string | object, init: { method?: string } = {}) {
  const response = await fetch(test.endpoint.url, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', ...(action && { 'X-Amz-Target': `AWSStepFunctions.${action}` }) },
    ...(init.method !== 'GET' && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

describe('the AWS JSON 1.0 protocol', () => {
  it('answers with application/x-amz-json-1.0, a request id, and timestamps as epoch seconds', async () => {
    const response = await call('CreateStateMachine', { name: 'Raw', definition: PASS_DEFINITION, roleArn: ROLE_ARN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Raw');
    expect(typeof response.json.creationDate).toBe('number');
    expect(Math.abs((response.json.creationDate as number) * 1000 - Date.now())).toBeLessThan(60_000);
  });

  it('sends errors as {"__type", "message"} with HTTP 400', async () => {
    const response = await call('DescribeStateMachine', { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing' });
    expect(response).toMatchObject({
      status: 400,
      json: { __type: 'StateMachineDoesNotExist', message: "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing'" },
    });
    expect(Object.keys(response.json).sort()).toEqual(['__type', 'message']);
  });

  it('refuses an unknown or missing X-Amz-Target, and a GET, with UnknownOperationException', async () => {
    expect(await call('CreateActivity', {})).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException', message: expect.stringContaining('does not implement AWSStepFunctions.CreateActivity') } });
    expect(await call(undefined, {})).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    expect(await call('ListStateMachines', {}, { method: 'GET' })).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
  });

  it('refuses a body that is not JSON, or a member of the wrong type, with SerializationException', async () => {
    expect(await call('ListStateMachines', '{"maxResults": ')).toMatchObject({ status: 400, json: { __type: 'SerializationException', message: expect.stringContaining('not valid JSON') } });
    expect(await call('ListStateMachines', '[1]')).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    expect(await call('ListStateMachines', { maxResults: 'ten' })).toMatchObject({
      status: 400,
      json: { __type: 'SerializationException', message: expect.stringContaining("'maxResults' has the wrong type") },
    });
    expect(await call('ListStateMachines', { maxResults: 1001 })).toMatchObject({
      status: 400,
      json: { __type: 'ValidationException', message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000" },
    });
  });

  it('treats an empty body, and JSON null members, as not given', async () => {
    expect(await call('ListStateMachines', '')).toMatchObject({ status: 200, json: { stateMachines: expect.any(Array) } });
    expect(await call('ListStateMachines', { nextToken: null })).toMatchObject({ status: 200 });
  });
});

describe('a failure of the endpoint itself', () => {
  it('is answered as InternalFailure (HTTP 500) and logged with its stack', async () => {
    const logged: string[] = [];
    // A store that breaks, as a full disk would: the only way to reach this path on purpose.
    const broken = { store: { stateMachines: () => { throw new Error('disk on fire'); } } } as unknown as EndpointContext;
    const server = createServer((request, response) => void handleRequest(broken, request, response, { hosts: new AllowedHosts('127.0.0.1'), log: (text) => logged.push(text) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {
        method: 'POST',
        headers: { 'X-Amz-Target': 'AWSStepFunctions.ListStateMachines' },
        body: '{}',
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ __type: 'InternalFailure', message: 'The local endpoint failed on this request: disk on fire' });
      expect(logged.join('')).toMatch(/internal error: Error: disk on fire\n\s+at /);
    } finally {
      server.close();
    }
  });
});

describe('limits', () => {
  it('refuses a request body over 1 MB with HTTP 413 RequestEntityTooLargeException, and keeps serving', async () => {
    const definition = JSON.stringify({ Comment: 'x'.repeat(1024 * 1024), StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const response = await call('CreateStateMachine', { name: 'Huge', definition, roleArn: ROLE_ARN });
    expect(response).toMatchObject({ status: 413, json: { __type: 'RequestEntityTooLargeException', message: expect.stringContaining('at most 1048576 bytes') } });
    expect(await call('ListStateMachines', {})).toMatchObject({ status: 200 });
    // The SDK reads it as a named service error too.
    const error = await test.sfn.send(new CreateStateMachineCommand({ name: 'Huge', definition, roleArn: ROLE_ARN })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413 } });
  });

  it('accepts execution input up to 256 KiB of UTF-8 and refuses more with ValidationException', async () => {
    const { json } = await call('CreateStateMachine', { name: 'Payload', definition: PASS_DEFINITION, roleArn: ROLE_ARN });
    const stateMachineArn = json.stateMachineArn as string;
    // "é" is two bytes: 262144 bytes exactly, in half as many characters.
    const atLimit = JSON.stringify({ s: 'é'.repeat((262144 - 8) / 2) });
    expect(Buffer.byteLength(atLimit)).toBe(262144);
    expect(await call('StartExecution', { stateMachineArn, input: atLimit })).toMatchObject({ status: 200 });
    const over = JSON.stringify({ s: 'é'.repeat((262144 - 8) / 2), t: 1 });
    expect(await call('StartExecution', { stateMachineArn, input: over })).toMatchObject({
      status: 400,
      json: { __type: 'ValidationException', message: "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must be at most 262144 bytes (256 KiB) of UTF-8" },
    });
  });
});

describe('payload limits inside executions', () => {
  it('fails an execution whose output would exceed 256 KiB with States.DataLimitExceeded', async () => {
    // 200 KB of input, given twice: the state's output is 400 KB.
    const definition = JSON.stringify({ StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'a.$': '$.s', 'b.$': '$.s' }, End: true } } });
    const { json } = await call('CreateStateMachine', { name: 'TooBig', definition, roleArn: ROLE_ARN });
    const started = await call('StartExecution', { stateMachineArn: json.stateMachineArn, input: JSON.stringify({ s: 'x'.repeat(200_000) }) });
    const execution = await waitForEnd(test.sfn, started.json.executionArn as string);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});

describe('listening', () => {
  /** Whether a TCP connection to host:port is accepted. */
  const accepts = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });

  // On Linux all of 127.0.0.0/8 is loopback: a server bound to 127.0.0.1 only is not reachable at
  // 127.0.0.2, while one bound to every address is.
  it('binds 127.0.0.1 only, unless another host is asked for', async () => {
    expect(test.endpoint.url).toBe(`http://127.0.0.1:${test.endpoint.port}`);
    expect(await accepts('127.0.0.1', test.endpoint.port)).toBe(true);
    expect(await accepts('127.0.0.2', test.endpoint.port)).toBe(false);

    const everywhere = await startTestEndpoint({ host: '0.0.0.0' });
    try {
      expect(await accepts('127.0.0.2', everywhere.endpoint.port)).toBe(true);
    } finally {
      await everywhere.close();
    }
  });

  it('says clearly when its port is taken', async () => {
    await expect(startTestEndpoint({ port: test.endpoint.port })).rejects.toThrow(`Port ${test.endpoint.port} on 127.0.0.1 is already in use`);
  });
});
