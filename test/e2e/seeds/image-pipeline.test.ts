import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { compile } from '@typestep/compiler';
import { runWorkflow } from '@typestep/local';
import { imageHandler } from '@typestep/runtime-handlers/handlers';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import imagePipelineJsonata from '../../../examples/000-image-pipeline/image-pipeline-jsonata.workflow.js';
import imagePipeline from '../../../examples/000-image-pipeline/image-pipeline.workflow.js';
import { photoJpeg, truncatedJpeg } from '../../../packages/runtime-handlers/test/support/images.js';
import { readReference } from '../../support/examples.js';
import { clientConfig, localAws, startS3AndSns, type Fauxqs } from './support/local-aws.js';
import { eventsOf, statesEntered } from './support/history.js';
import { lambdaTask } from './support/lambda-task.js';

/**
 * Seed 000 end to end in the local engine: the pipeline's every state calls the real image
 * handler (sharp), which reads the upload from S3 (fauxqs, in this process) and writes its
 * results there. `${LambdaFunction}` is the image function's ARN, as SAM's
 * DefinitionSubstitutions would give it.
 */

const BUCKET = 'images';
const IMAGE_FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:image';
const imageFunction = { substitutions: { LambdaFunction: IMAGE_FUNCTION }, tasks: { image: lambdaTask(imageHandler) } };

/** What one upload gives: every result the seed's states make, with its format and size. */
const RESULTS = [
  ['convert.jpg', 'jpeg', 640, 480],
  ['convert.png', 'png', 640, 480],
  ['icon_200.png', 'png', 200, 200],
  ['icon_300.png', 'png', 300, 300],
  ['thumbnail_480_270.jpg', 'jpeg', 480, 270],
  ['thumbnail_960_540.jpg', 'jpeg', 960, 540],
  ['thumbnail_1440_810.jpg', 'jpeg', 1440, 810],
] as const;

let fauxqs: Fauxqs;
let s3: S3Client;

beforeAll(async () => {
  fauxqs = await startS3AndSns();
  localAws({ s3: fauxqs.address });
  process.env['BUCKET_NAME'] = BUCKET;
  fauxqs.createBucket(BUCKET);
  s3 = new S3Client(clientConfig(fauxqs.address));
});
afterAll(async () => {
  s3?.destroy();
  await fauxqs?.stop();
});

const upload = async (key: string, body: Buffer) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'image/jpeg' }));

/** Every key under a prefix, sorted. */
async function keysUnder(prefix: string): Promise<string[]> {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return Contents.map((object) => object.Key!).sort();
}

/** Format and size read from the stored bytes (by sharp), with the stored content type. */
async function stored(key: string) {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const { format, width, height } = await sharp(Buffer.from(await object.Body!.transformToByteArray())).metadata();
  return { contentType: object.ContentType, format, width, height };
}

async function expectAllResults(stem: string): Promise<void> {
  expect(await keysUnder(`output/${stem}`)).toEqual(RESULTS.map(([suffix]) => `output/${stem}_${suffix}`).sort());
  for (const [suffix, format, width, height] of RESULTS) {
    expect({ suffix, ...(await stored(`output/${stem}_${suffix}`)) }).toEqual({
      suffix,
      contentType: format === 'jpeg' ? 'image/jpeg' : 'image/png',
      format,
      width,
      height,
    });
  }
}

describe('seed 000 (the seed\'s ASL, compiled from the example)', () => {
  const compiled = compile(imagePipeline);

  it('is the seed\'s own state machine', () => {
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.definition).toEqual(readReference('000-1'));
  });

  it('converts an uploaded JPEG: a jpg, a png, two round icons and three thumbnails under output/', async () => {
    await upload('uploads/2024/cat.jpg', await photoJpeg(640, 480));
    const result = await runWorkflow(compiled, { ...imageFunction, input: { Key: 'uploads/2024/cat.jpg' } });

    expect({ error: result.error, cause: result.cause }).toEqual({ error: undefined, cause: undefined });
    expect(result.status).toBe('SUCCEEDED');
    // Each state passes on the handler's result; the last is the small thumbnail's.
    expect(result.output).toEqual({ Key: 'uploads/2024/cat.jpg', OutputKeys: ['output/uploads/2024/cat_thumbnail_480_270.jpg'] });
    expect(statesEntered(result)).toEqual([
      'Convert jpg image',
      'Convert png image',
      'Create medium icon',
      'Create large icon',
      'Create medium thumbnail',
      'Create large thumbnail',
      'Create small thumbnail',
    ]);
    // Resource is a function ARN: Lambda's own events, one success per state.
    expect(eventsOf(result, 'LambdaFunctionSucceeded')).toHaveLength(7);
    await expectAllResults('uploads/2024/cat');
    // The upload itself is untouched.
    expect(await stored('uploads/2024/cat.jpg')).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
  });

  it('a corrupt image fails the execution with ImageDecodeError from the first state, and writes nothing', async () => {
    await upload('uploads/broken.jpg', await truncatedJpeg());
    const result = await runWorkflow(compiled, { ...imageFunction, input: { Key: 'uploads/broken.jpg' } });

    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('ImageDecodeError');
    // Lambda's error document, as Step Functions reports a function's failure.
    expect(JSON.parse(result.cause!)).toMatchObject({ errorType: 'ImageDecodeError', errorMessage: expect.stringContaining('uploads/broken.jpg') });
    const failed = eventsOf(result, 'LambdaFunctionFailed');
    expect(failed.map((event) => event.lambdaFunctionFailedEventDetails?.error)).toEqual(['ImageDecodeError']);
    expect(statesEntered(result)).toEqual(['Convert jpg image']);
    expect(result.events.at(-1)).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'ImageDecodeError' } });
    expect(await keysUnder('output/uploads/broken')).toEqual([]);
  });

  it('a key that is not in the bucket fails with ObjectNotFound', async () => {
    const result = await runWorkflow(compiled, { ...imageFunction, input: { Key: 'uploads/never-uploaded.jpg' } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'ObjectNotFound' });
  });
});

describe('seed 000 with JSONata, a variable and a Parallel of inline Maps', () => {
  it('makes the same seven results, side by side', async () => {
    await upload('uploads/2024/dog.jpg', await photoJpeg(640, 480));
    const result = await runWorkflow(imagePipelineJsonata, { ...imageFunction, input: { Key: 'uploads/2024/dog.jpg' } });

    expect({ error: result.error, cause: result.cause }).toEqual({ error: undefined, cause: undefined });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      Key: 'uploads/2024/dog.jpg',
      outputs: [
        'output/uploads/2024/dog_convert.jpg',
        'output/uploads/2024/dog_convert.png',
        'output/uploads/2024/dog_icon_200.png',
        'output/uploads/2024/dog_icon_300.png',
        'output/uploads/2024/dog_thumbnail_480_270.jpg',
        'output/uploads/2024/dog_thumbnail_960_540.jpg',
        'output/uploads/2024/dog_thumbnail_1440_810.jpg',
      ],
    });
    expect(eventsOf(result, 'LambdaFunctionSucceeded')).toHaveLength(7);
    await expectAllResults('uploads/2024/dog');
  });

  it('a corrupt image ends in the Fail state with ImageDecodeError and the key it could not process', async () => {
    await upload('uploads/broken-too.jpg', await truncatedJpeg());
    const result = await runWorkflow(imagePipelineJsonata, { ...imageFunction, input: { Key: 'uploads/broken-too.jpg' } });

    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('ImageDecodeError');
    expect(result.cause).toMatch(/^Could not process uploads\/broken-too\.jpg: \{/);
    const lambdaError = JSON.parse(result.cause!.slice('Could not process uploads/broken-too.jpg: '.length));
    expect(lambdaError).toMatchObject({ errorType: 'ImageDecodeError' });
    expect(statesEntered(result)).toContain('Image processing failed');
    expect(await keysUnder('output/uploads/broken-too')).toEqual([]);
  });
});
