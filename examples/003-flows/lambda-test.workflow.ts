import { eq, untyped, workflow } from '@typestep/dsl';
import { z } from 'zod';
import { invokeResult, LAMBDA_INVOKE, lambdaServiceRetry } from '../shared/lambda-invoke.js';
import { COMMENT, fn } from './functions.js';

/** Seed 003 §1: one Lambda that logs its input and returns it. */
export const lambdaTest = workflow('LambdaTest', { comment: COMMENT, input: untyped }).task('Lambda Test001', {
  comment: 'あいうえお',
  resource: LAMBDA_INVOKE,
  parameters: ($) => ({ FunctionName: fn('test001'), Payload: $ }),
  returns: invokeResult(untyped),
  outputPath: ($) => $.Payload,
  retry: [lambdaServiceRetry],
});

/** The test function echoes its input, so after it `$.HOGE` is whatever the execution got. */
const Hoge = z.object({ HOGE: z.string() });

/** Seed 003 §Choice: branch on the function's answer. */
export const lambdaChoice = workflow('LambdaChoice', { comment: COMMENT, input: Hoge })
  .task('Lambda Test001', {
    comment: 'あいうえお',
    resource: LAMBDA_INVOKE,
    parameters: ($) => ({ FunctionName: fn('test001'), Payload: $ }),
    returns: invokeResult(Hoge),
    outputPath: ($) => $.Payload,
    retry: [lambdaServiceRetry],
  })
  .choice('Choice', (c) =>
    c
      .when(($) => eq($.HOGE, 'HOGE 200'), (b) =>
        b.task('Lambda HOGE 200', {
          resource: LAMBDA_INVOKE,
          parameters: { FunctionName: fn('test001'), Payload: { FUGA: 'FUGA 100' } },
          returns: invokeResult(untyped),
          outputPath: ($) => $.Payload,
          retry: [lambdaServiceRetry],
        }),
      )
      .otherwise((b) =>
        b.task('Lambda Not HOGE 200', {
          resource: LAMBDA_INVOKE,
          parameters: { FunctionName: fn('test001'), Payload: { FUGA: 'FUGA 200' } },
          returns: invokeResult(untyped),
          outputPath: ($) => $.Payload,
          retry: [lambdaServiceRetry],
        }),
      ),
  );
