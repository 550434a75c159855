import { parseEvent } from '../define-handler.js';
import { InvalidRequest } from '../errors.js';
import { checkStatus } from './check-status.js';
import { ApiGatewayEvent, ApiRequest, type ApiGatewayResult } from './contract.js';
import { upload } from './upload.js';

/**
 * Seed 000's API (`POST /api` behind API Gateway): `{action: "upload", filename, filedata}` and
 * `{action: "checkstatus", id}`. A bad request is a 400 with `{ message }` saying what is wrong;
 * anything else that fails is a 500 (and in the function's log).
 */
export async function uploadApiHandler(event: unknown): Promise<ApiGatewayResult> {
  try {
    const request = parseEvent('upload api', ApiRequest, requestBody(event));
    if (request.action === 'upload') return json(200, { message: await upload(request, new Date()) });
    const status = await checkStatus(request);
    return json(status.message === 'NotFound' ? 404 : 200, status);
  } catch (error) {
    if (error instanceof InvalidRequest) return json(400, { message: error.message });
    console.error(error);
    return json(500, { message: 'the request failed; see the function log' });
  }
}

function requestBody(event: unknown): unknown {
  const { body, isBase64Encoded } = parseEvent('upload api', ApiGatewayEvent, event);
  const text = isBase64Encoded ? Buffer.from(body ?? '', 'base64').toString('utf8') : (body ?? '');
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequest('upload api: the request body is not JSON');
  }
}

function json(statusCode: number, body: object): ApiGatewayResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}
