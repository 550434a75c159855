import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { shape, sub, workflow, type Chain } from '../../src/index.js';
import { lambda, type LambdaInvokeResult } from '../../src/integrations/index.js';

type OutOf<C> = C extends Chain<any, infer Out, any> ? Out : never;

/**
 * A handler contract as runtime-handlers exports one: `{ input, output }` zod schemas. A task
 * bound to it sends what `z.input<input>` accepts and is typed with `z.output<output>`.
 */
const Thumbnail = {
  input: z.object({
    action: z.literal('thumbnail'),
    key: z.string(),
    thumbnail: z.object({ width: z.coerce.number(), height: z.coerce.number(), bgcolor: z.string().optional() }),
    quality: z.number().int().optional(),
  }),
  output: z.object({ Key: z.string(), outputs: z.array(z.string()) }),
};
type ThumbnailOut = z.output<typeof Thumbnail.output>;

interface Upload {
  readonly Key: string;
  readonly width: number;
  readonly note: string;
}
const start = () => workflow('Contract', { input: shape<Upload>() });
const image = sub('LambdaFunction');

describe('lambda.function bound to a contract (Resource: the function ARN)', () => {
  test('a payload the handler accepts compiles, and the result is the handler\'s output', () => {
    const chain = start().task(
      'Create thumbnail',
      lambda.function({ functionArn: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: { width: $.width, height: '540' } }) }),
    );
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<ThumbnailOut>();
    chain.task('Next', lambda.function({ functionArn: image, payload: ($) => ({ first: $.outputs, key: $.Key }) }));
  });

  test('a field of the wrong type is an error', () => {
    start().task(
      'Create thumbnail',
      // @ts-expect-error — `key` must be a string; `width` is a number
      lambda.function({ functionArn: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.width, thumbnail: { width: 1, height: 1 } }) }),
    );
  });

  test('a literal outside the schema\'s literal is an error', () => {
    start().task(
      'Create thumbnail',
      // @ts-expect-error — action is the literal 'thumbnail'
      lambda.function({ functionArn: image, contract: Thumbnail, payload: ($) => ({ action: 'icon', key: $.Key, thumbnail: { width: 1, height: 1 } }) }),
    );
  });

  test('a missing required field is an error', () => {
    start().task(
      'Create thumbnail',
      // @ts-expect-error — `thumbnail` is required
      lambda.function({ functionArn: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key }) }),
    );
  });

  test('a misspelt optional field is an error, at any depth', () => {
    start().task(
      'Create thumbnail',
      // @ts-expect-error — `qualty` is not a field of the handler's input
      lambda.function({ functionArn: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: { width: 1, height: 1 }, qualty: 80 }) }),
    );
    start().task(
      'Create thumbnail',
      // @ts-expect-error — `bgcolour` is not a field of `thumbnail`
      lambda.function({ functionArn: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: { width: 1, height: 1, bgcolour: 'fff' } }) }),
    );
  });

  test('a literal payload object is checked the same way', () => {
    start().task('Fixed', lambda.function({ functionArn: image, contract: Thumbnail, payload: { action: 'thumbnail', key: 'a.jpg', thumbnail: { width: 1, height: 1 } } }));
    // @ts-expect-error — `size` is not a field of the handler's input
    start().task('Fixed', lambda.function({ functionArn: image, contract: Thumbnail, payload: { action: 'thumbnail', key: 'a.jpg', thumbnail: { width: 1, height: 1 }, size: 1 } }));
  });

  test('without a payload the state input itself must fit the contract', () => {
    const Echo = { input: z.object({ Key: z.string() }), output: z.object({ Key: z.string() }) };
    // Upload has a Key (and more, which the schema ignores): the whole input fits.
    const chain = start().task('Echo', lambda.function({ functionArn: image, contract: Echo }));
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ Key: string }>();
    // @ts-expect-error — Upload is not a thumbnail request: a payload is required
    start().task('Create thumbnail', lambda.function({ functionArn: image, contract: Thumbnail }));
  });
});

describe('lambda.invoke bound to a contract (arn:aws:states:::lambda:invoke)', () => {
  test('checks Payload against the input and types `Payload` (or the whole output) as the output', () => {
    const wrapped = start().task(
      'Create thumbnail',
      lambda.invoke({ functionName: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: { width: $.width, height: 540 } }) }),
    );
    expectTypeOf<OutOf<typeof wrapped>>().toEqualTypeOf<LambdaInvokeResult<ThumbnailOut>>();
    const unwrapped = start().task(
      'Create thumbnail',
      lambda.invoke({ functionName: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: { width: $.width, height: 540 } }), outputPayload: true }),
    );
    expectTypeOf<OutOf<typeof unwrapped>>().toEqualTypeOf<ThumbnailOut>();
  });

  test('the same errors as the direct form', () => {
    start().task(
      'Create thumbnail',
      // @ts-expect-error — `key` must be a string
      lambda.invoke({ functionName: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.width, thumbnail: { width: 1, height: 1 } }) }),
    );
    start().task(
      'Create thumbnail',
      // @ts-expect-error — `qualty` is not a field of the handler's input
      lambda.invoke({ functionName: image, contract: Thumbnail, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: { width: 1, height: 1 }, qualty: 1 }) }),
    );
    // @ts-expect-error — Upload is not a thumbnail request: a payload is required
    start().task('Create thumbnail', lambda.invoke({ functionName: image, contract: Thumbnail }));
  });

  test('a path to data that has the contract\'s fields (and more) fits', () => {
    const Keyed = { input: z.object({ Key: z.string() }), output: z.null() };
    start().task('Keyed', lambda.invoke({ functionName: image, contract: Keyed, payload: ($) => $ }));
    // @ts-expect-error — `note` is a string, not `{ Key }`
    start().task('Keyed', lambda.invoke({ functionName: image, contract: Keyed, payload: ($) => $.note }));
  });
});

describe('a contract whose input is a union of requests (one handler, several actions)', () => {
  const Image = {
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('convert'), key: z.string(), type: z.enum(['jpg', 'png']) }),
      z.object({ action: z.literal('icon'), key: z.string(), icon: z.object({ diameter: z.coerce.number() }) }),
    ]),
    output: z.object({ Key: z.string() }),
  };

  test('a payload fitting any one member compiles', () => {
    start()
      .task('Convert', lambda.function({ functionArn: image, contract: Image, payload: ($) => ({ action: 'convert', key: $.Key, type: 'jpg' }) }))
      .task('Icon', lambda.function({ functionArn: image, contract: Image, payload: ($) => ({ action: 'icon', key: $.Key, icon: { diameter: '200' } }) }));
  });

  test('a field of another member, or a value no member takes, is an error', () => {
    start().task(
      'Convert',
      // @ts-expect-error: `icon` belongs to the icon request, not to convert
      lambda.function({ functionArn: image, contract: Image, payload: ($) => ({ action: 'convert', key: $.Key, type: 'jpg', icon: { diameter: 1 } }) }),
    );
    start().task(
      'Convert',
      // @ts-expect-error: no request has type 'gif'
      lambda.function({ functionArn: image, contract: Image, payload: ($) => ({ action: 'convert', key: $.Key, type: 'gif' }) }),
    );
  });
});

describe('lambda.invoke with an asynchronous or dry-run invocation type', () => {
  test('an Event or DryRun call returns no payload, and cannot keep only the payload', () => {
    const queued = start().task('Queue', lambda.invoke({ functionName: image, invocationType: 'Event', returns: shape<{ ok: boolean }>() }));
    expectTypeOf<OutOf<typeof queued>>().toEqualTypeOf<LambdaInvokeResult<undefined>>();
    // @ts-expect-error: an Event call has no payload to keep
    start().task('Queue', lambda.invoke({ functionName: image, invocationType: 'Event', outputPayload: true }));
    const called = start().task('Call', lambda.invoke({ functionName: image, returns: shape<{ ok: boolean }>() }));
    expectTypeOf<OutOf<typeof called>>().toEqualTypeOf<LambdaInvokeResult<{ ok: boolean }>>();
  });
});
