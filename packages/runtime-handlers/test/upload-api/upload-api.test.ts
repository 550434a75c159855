import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageHandler } from '../../src/image/handler.js';
import { CheckStatusResponse, UploadResponse } from '../../src/upload-api/contract.js';
import { MAX_UPLOAD_BYTES } from '../../src/upload-api/data-url.js';
import { startUploadPageServer } from '../../src/upload-api/local-server.js';
import { useLocalAws } from '../support/aws-environment.js';
import { startS3AndSns, type Fauxqs } from '../support/fauxqs.js';
import { photoJpeg } from '../support/images.js';
import { gate, pollUntil, startLocalStepFunctions, type LocalStepFunctions } from '../support/local-step-functions.js';

const BUCKET = 'uploads';
const IMAGE_FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:image';
/** Seed 000's pipeline, its `${LambdaFunction}` substituted as `typestep push` would. */
const PIPELINE = readFileSync(new URL('../../../../../shared/reference-asl/000-1.asl.json', import.meta.url), 'utf8').replaceAll('${LambdaFunction}', IMAGE_FUNCTION);

/** Holds the pipeline's image tasks until the test opens it, so the upload's execution is seen RUNNING first. */
const imaging = gate();

let s3Server: Fauxqs;
let stepFunctions: LocalStepFunctions;
let page: { url: string; server: Server };
let s3: S3Client;

beforeAll(async () => {
  s3Server = await startS3AndSns();
  // Every state of the pipeline calls the image function: bound to the image handler.
  stepFunctions = await startLocalStepFunctions({
    tasks: {
      [IMAGE_FUNCTION]: async (input) => {
        await imaging.wait();
        return imageHandler(input);
      },
    },
  });
  useLocalAws({ s3: s3Server.address, sfn: stepFunctions.endpoint.url });
  s3Server.createBucket(BUCKET);
  const { stateMachineArn } = await stepFunctions.sfn.send(
    new CreateStateMachineCommand({ name: 'ImagePipeline', definition: PIPELINE, roleArn: 'arn:aws:iam::123456789012:role/r' }),
  );
  Object.assign(process.env, { BUCKET_NAME: BUCKET, STATE_MACHINE_ARN: stateMachineArn });
  s3 = new S3Client({});
  page = await startUploadPageServer();
});
afterAll(async () => {
  s3?.destroy();
  if (page) await new Promise((resolve) => page.server.close(resolve));
  await Promise.all([s3Server?.stop(), stepFunctions?.stop()]);
});

const api = async (body: unknown) => {
  const response = await fetch(new URL('api', page.url), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { message: string; images?: { key: string; url: string }[] } };
};
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
/** The execution upload started for `id` (its name), as the Step Functions API describes it. */
const executionOf = (id: string) =>
  stepFunctions.sfn.send(new DescribeExecutionCommand({ executionArn: `${process.env['STATE_MACHINE_ARN']!.replace(':stateMachine:', ':execution:')}:${id}` }));
/** checkstatus until the pipeline has ended (what the page does every few seconds). */
const statusAtEnd = (id: string) => pollUntil(() => api({ action: 'checkstatus', id }), (status) => status.body.message !== 'RUNNING');

describe('the upload page and its API, over HTTP', () => {
  test('GET / is the page, which posts to the API relative to itself', async () => {
    const response = await fetch(page.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<input id="file" type="file" accept="image/jpeg,image/png,image/gif"');
    expect(html).toContain("new URL('api', location.href)");
  });

  test('upload stores the file under a time-based key and starts the pipeline with {"Key": …}, which runs to SUCCEEDED; checkstatus follows it', async () => {
    const photo = await photoJpeg(320, 240);
    const uploaded = await api({ action: 'upload', filename: 'holiday.JPG', filedata: dataUrl('image/jpeg', photo) });
    expect(uploaded.status).toBe(200);
    expect(UploadResponse.parse(uploaded.body)).toEqual(uploaded.body);
    const id = uploaded.body.message;
    expect(id).toMatch(/^\d{17}-[0-9a-f]{4}$/);

    const execution = await executionOf(id);
    const { Key } = JSON.parse(execution.input!) as { Key: string };
    expect(Key).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}/${id}\\.jpg$`));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    expect([head.ContentLength, head.ContentType]).toEqual([photo.length, 'image/jpeg']);

    expect((await api({ action: 'checkstatus', id })).body).toEqual({ message: 'RUNNING', images: [] });

    // The pipeline's seven states run the image handler in turn.
    imaging.open();
    const status = await statusAtEnd(id);
    expect(CheckStatusResponse.parse(status.body)).toEqual(status.body);
    expect(status.body.message).toBe('SUCCEEDED');
    expect((await executionOf(id)).output).toBe(JSON.stringify({ Key, OutputKeys: [`output/${Key.replace(/\.jpg$/, '')}_thumbnail_480_270.jpg`] }));
    expect(status.body.images!.map((image) => image.key.split('/').pop())).toEqual([
      `${id}_convert.jpg`,
      `${id}_convert.png`,
      `${id}_icon_200.png`,
      `${id}_icon_300.png`,
      `${id}_thumbnail_1440_810.jpg`,
      `${id}_thumbnail_480_270.jpg`,
      `${id}_thumbnail_960_540.jpg`,
    ]);

    // The links are signed GET URLs the browser can load.
    const icon = await fetch(status.body.images!.find((image) => image.key.endsWith('_icon_200.png'))!.url);
    expect(icon.status).toBe(200);
    expect(await sharp(Buffer.from(await icon.arrayBuffer())).metadata()).toMatchObject({ format: 'png', width: 200, height: 200 });
  });

  test('a file above 5 MiB goes up as a multipart upload (lib-storage); the pipeline then fails on content that is no image', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 7);
    const uploaded = await api({ action: 'upload', filename: 'big.png', filedata: dataUrl('image/png', big) });
    expect(uploaded.status).toBe(200);
    const id = uploaded.body.message;
    const { Key } = JSON.parse((await executionOf(id)).input!) as { Key: string };
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    expect(head.ContentLength).toBe(big.length);
    // S3 (and fauxqs) give a multipart object the ETag "<md5 of part md5s>-<parts>".
    expect(head.ETag).toMatch(/-2"$/);

    // Named .png, but not a PNG: the first state's image handler throws UnsupportedImageType, which the pipeline does not catch.
    expect((await statusAtEnd(id)).body).toEqual({ message: 'FAILED', images: [] });
    const execution = await executionOf(id);
    expect(execution.error).toBe('UnsupportedImageType');
    expect(JSON.parse(execution.cause!)).toMatchObject({ errorType: 'UnsupportedImageType', errorMessage: `${Key}: the content is not JPEG, PNG or GIF` });
  });
});

describe('what the API refuses, with a status and a message', () => {
  const png = dataUrl('image/png', Buffer.from('fake but non-empty'));
  test.each([
    ['a body that is not JSON', '{not json', 400, 'upload api: the request body is not JSON'],
    ['an unknown action', { action: 'delete' }, 400, 'upload api: the event does not match'],
    ['an SVG file name', { action: 'upload', filename: 'x.svg', filedata: png }, 400, 'expected a file name ending in .jpg, .jpeg, .png or .gif'],
    ['filedata that is not a data URL', { action: 'upload', filename: 'x.png', filedata: 'hello' }, 400, 'expected a base64 data URL'],
    ['filedata that is not base64', { action: 'upload', filename: 'x.png', filedata: 'data:image/png;base64,@@@@' }, 400, 'filedata is not valid base64'],
    ['an empty file', { action: 'upload', filename: 'x.png', filedata: 'data:image/png;base64,' }, 400, 'the file is empty'],
    ['an id with a slash', { action: 'checkstatus', id: '../x' }, 400, 'expected the id upload returned'],
    ['an id no execution has', { action: 'checkstatus', id: 'nope' }, 404, 'NotFound'],
  ])('%s', async (_what, body, status, message) => {
    const answer = await api(body);
    expect(answer.status).toBe(status);
    expect(answer.body.message).toContain(message);
  });

  test(`a file over ${MAX_UPLOAD_BYTES} bytes`, async () => {
    const answer = await api({ action: 'upload', filename: 'x.png', filedata: dataUrl('image/png', Buffer.alloc(MAX_UPLOAD_BYTES + 3)) });
    expect(answer).toEqual({ status: 400, body: { message: `upload: the file is over the limit of ${MAX_UPLOAD_BYTES.toLocaleString('en-US')} bytes` } });
  });

  test('a function deployed without STATE_MACHINE_ARN answers 500, not a crash', async () => {
    const arn = process.env['STATE_MACHINE_ARN'];
    delete process.env['STATE_MACHINE_ARN'];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      const answer = await api({ action: 'checkstatus', id: 'abc' });
      expect(answer).toEqual({ status: 500, body: { message: 'the request failed; see the function log' } });
      expect(String(errors[0])).toContain('STATE_MACHINE_ARN is not set');
    } finally {
      console.error = original;
      process.env['STATE_MACHINE_ARN'] = arn;
    }
  });
});
