import { sub, workflow, type Schema } from '@typestep/dsl';
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import {
  contracts,
  imageContract,
  listObjectsContract,
  putUsageContract,
  type HandlerContract,
  type RequestOf,
  type ResultOf,
} from '../src/index.js';
import { imageHandler, listObjectsHandler } from '../src/handlers.js';

describe('handler contracts, for the DSL', () => {
  test('every contract is { input, output } zod schemas, and each schema is a Standard Schema the DSL reads', () => {
    expectTypeOf(contracts).toExtend<Record<string, HandlerContract>>();
    expectTypeOf(imageContract.output).toExtend<Schema<{ Key: string; OutputKeys: string[] }>>();
    expectTypeOf(putUsageContract.output).toExtend<Schema<{ bucket: string; stored: 'created' | 'already-stored' }>>();
  });

  test("the image handler's input accepts the seed's string numbers and real numbers; bgcolor is a string", () => {
    type Input = z.input<typeof imageContract.input>;
    expectTypeOf({ action: 'icon', key: 'k', icon: { diameter: '200', bgcolor: 'f0ff' } } as const).toExtend<Input>();
    expectTypeOf({ action: 'thumbnail', key: 'k', thumbnail: { width: 960, height: '540', bgcolor: 'fff' } } as const).toExtend<Input>();
    // @ts-expect-error: "resize" is not an action
    const unknownAction: Input = { action: 'resize', key: 'k' };
    // @ts-expect-error: convert's type is jpg or png
    const webp: Input = { action: 'convert', key: 'k', type: 'webp' };
    // @ts-expect-error: an icon needs its diameter
    const noDiameter: Input = { action: 'icon', key: 'k', icon: { bgcolor: 'fff' } };
    void [unknownAction, webp, noDiameter];
  });

  test('what the handler receives is parsed: numbers are numbers, the colour is RGBA', () => {
    type Icon = Extract<RequestOf<typeof imageContract>, { action: 'icon' }>;
    expectTypeOf<Icon['icon']['diameter']>().toEqualTypeOf<number>();
    expectTypeOf<Icon['icon']['bgcolor']>().toEqualTypeOf<{ readonly r: number; readonly g: number; readonly b: number; readonly alpha: number }>();
  });

  test("list-objects' result is done, or a token to continue with; it is also a valid input", () => {
    type Result = ResultOf<typeof listObjectsContract>;
    expectTypeOf<Extract<Result, { done: false }>['continuationToken']>().toEqualTypeOf<string>();
    // @ts-expect-error: a finished listing has no token
    type NoToken = Extract<Result, { done: true }>['continuationToken'];
    expectTypeOf<Result>().toExtend<z.input<typeof listObjectsContract.input>>();
    expectTypeOf<string>().toExtend<z.input<typeof listObjectsContract.input>>();
  });

  test('a handler function returns its contract\'s result', () => {
    expectTypeOf(imageHandler).returns.resolves.toEqualTypeOf<{ Key: string; OutputKeys: string[] }>();
    expectTypeOf(listObjectsHandler).returns.resolves.toEqualTypeOf<ResultOf<typeof listObjectsContract>>();
  });

  test("a workflow task typed by the image handler's output reads $.Key and nothing else", () => {
    workflow('Images', { input: imageContract.output })
      .task('Convert', {
        resource: sub('LambdaFunction'),
        parameters: ($) => ({ action: 'convert', key: $.Key, type: 'png' }),
        returns: imageContract.output,
      })
      .task('Icon', {
        resource: sub('LambdaFunction'),
        // @ts-expect-error: the image result has Key and OutputKeys, not key
        parameters: ($) => ({ action: 'icon', key: $.key }),
        returns: imageContract.output,
      });
  });
});
