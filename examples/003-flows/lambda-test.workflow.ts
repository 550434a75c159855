import { eq, lambda, untyped, workflow } from '@typestep/dsl';
import { z } from 'zod';
import { COMMENT, fn } from './functions.js';

/**
 * Seed 003's Lambda states, as the console writes them: `lambda:invoke` with the whole input as
 * Payload, `OutputPath: $.Payload` (outputPayload) and the console's retry of Lambda's service errors.
 */
const test001 = { functionName: fn('test001'), outputPayload: true, retryServiceExceptions: true } as const;

/** Seed 003 §1: one Lambda that logs its input and returns it. */
export const lambdaTest = workflow('LambdaTest', { comment: COMMENT, input: untyped }).task('Lambda Test001', {
  comment: 'あいうえお',
  ...lambda.invoke({ ...test001, returns: untyped }),
});

/** The test function echoes its input, so after it `$.HOGE` is whatever the execution got. */
const Hoge = z.object({ HOGE: z.string() });

/** Seed 003 §Choice: branch on the function's answer. */
export const lambdaChoice = workflow('LambdaChoice', { comment: COMMENT, input: Hoge })
  .task('Lambda Test001', { comment: 'あいうえお', ...lambda.invoke({ ...test001, returns: Hoge }) })
  .choice('Choice', (c) =>
    c
      .when(($) => eq($.HOGE, 'HOGE 200'), (b) => b.task('Lambda HOGE 200', lambda.invoke({ ...test001, payload: { FUGA: 'FUGA 100' }, returns: untyped })))
      .otherwise((b) => b.task('Lambda Not HOGE 200', lambda.invoke({ ...test001, payload: { FUGA: 'FUGA 200' }, returns: untyped }))),
  );
