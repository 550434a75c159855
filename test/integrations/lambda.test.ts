import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shape, sub, untyped, workflow } from '@typestep/dsl';
import { lambda } from '@typestep/dsl';
import { onlyState } from './support.js';

const FN = 'arn:aws:lambda:ap-northeast-1:000000000000:function:test001:$LATEST';

/** The retry the console writes for lambda:invoke, as seeds 003 and 004 show it. */
const CONSOLE_RETRY = {
  ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
};

describe('lambda.invoke (arn:aws:states:::lambda:invoke)', () => {
  it("writes the seeds' state: the whole input as Payload, OutputPath $.Payload, the console's retry", () => {
    const state = onlyState(
      workflow('SeedLambda', { input: untyped }).task('Lambda Test001', lambda.invoke({ functionName: FN, outputPayload: true, retryServiceExceptions: true })),
    );
    // ../shared/reference-asl/003-1.asl.json, less its Comment.
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      OutputPath: '$.Payload',
      Parameters: { FunctionName: FN, 'Payload.$': '$' },
      Retry: [CONSOLE_RETRY],
      End: true,
    });
  });

  it('builds Payload from a template, takes the function from a placeholder, and passes the optional fields', () => {
    const state = onlyState(
      workflow('LambdaTemplate', { input: shape<{ key: string; size: number }>() }).task(
        'Resize',
        lambda.invoke({
          functionName: sub('ResizeFunction'),
          payload: ($) => ({ key: $.key, size: $.size, mode: 'fit' }),
          invocationType: 'Event',
          qualifier: 'prod',
        }),
      ),
      ['ResizeFunction'],
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: '${ResizeFunction}',
        Payload: { 'key.$': '$.key', 'size.$': '$.size', mode: 'fit' },
        InvocationType: 'Event',
        Qualifier: 'prod',
      },
      End: true,
    });
  });

  it('reads the function name from the input when given a path', () => {
    const state = onlyState(workflow('LambdaDynamic', { input: shape<{ fn: string }>() }).task('Call', lambda.invoke({ functionName: ($) => $.fn, payload: {} })));
    expect(state.Parameters).toStrictEqual({ 'FunctionName.$': '$.fn', Payload: {} });
  });

  it('.waitForTaskToken: the token goes in the payload (AWS: "Invoke an AWS Lambda function with Step Functions")', () => {
    const state = onlyState(
      workflow('LambdaCallback', { input: shape<{ model: string }>() }).task(
        'GetManualReview',
        lambda.invoke.waitForTaskToken({
          functionName: 'arn:aws:lambda:us-east-1:123456789012:function:get-model-review-decision',
          payload: ($, $$) => ({ model: $.model, token: $$.Task.Token }),
          qualifier: 'prod-v1',
        }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:get-model-review-decision',
        Payload: { 'model.$': '$.model', 'token.$': '$$.Task.Token' },
        Qualifier: 'prod-v1',
      },
      End: true,
    });
  });

  it('.waitForTaskToken without the token in the payload is refused, naming the fix', () => {
    const build = () =>
      workflow('NoToken', { input: shape<{ model: string }>() }).task('Review', lambda.invoke.waitForTaskToken({ functionName: 'review', payload: ($) => ({ model: $.model }) }));
    expect(build).toThrow(
      'lambda:invoke.waitForTaskToken: a .waitForTaskToken call waits for SendTaskSuccess with its task token, but the request never passes the token on. Put $$.Task.Token in the payload',
    );
  });
});

describe('lambda.function (the function ARN as Resource)', () => {
  const Convert = {
    input: z.object({ action: z.literal('convert'), key: z.string(), type: z.enum(['jpg', 'png']) }),
    output: z.object({ Key: z.string() }),
  };

  it("writes seed 000's state: Resource ${LambdaFunction}, Parameters built against the handler's contract", () => {
    const state = onlyState(
      workflow('SeedImage', { input: shape<{ Key: string }>() }).task(
        'Convert jpg image',
        lambda.function({ functionArn: sub('LambdaFunction'), contract: Convert, payload: ($) => ({ action: 'convert', key: $.Key, type: 'jpg' }) }),
      ),
      ['LambdaFunction'],
    );
    // ../shared/reference-asl/000-1.asl.json, its first state.
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: '${LambdaFunction}',
      Parameters: { action: 'convert', 'key.$': '$.Key', type: 'jpg' },
      End: true,
    });
  });

  it('without a payload sends the input as it is (no Parameters)', () => {
    const state = onlyState(workflow('Direct', { input: untyped }).task('Check', lambda.function({ functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:check' })));
    expect(state).toStrictEqual({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:check', End: true });
  });

  it('a payload that is not an object is refused: Parameters must be one', () => {
    const build = () =>
      workflow('DirectPath', { input: shape<{ order: { id: string } }>() }).task(
        'Check',
        // @ts-expect-error — TypeScript refuses it too: Parameters is an object of fields, not a path
        lambda.function({ functionArn: 'arn:aws:lambda:us-east-1:1:function:f', payload: ($) => $.order }),
      );
    expect(build).toThrow('Check: parameters: expected an object of fields');
  });
});
