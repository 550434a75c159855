import { untyped, workflow } from '@typestep/dsl';
import { invokeResult, LAMBDA_INVOKE, lambdaServiceRetry, latest } from '../shared/lambda-invoke.js';

/** Seed 004: two Lambda functions in sequence, created and started with the AWS CLI. */
const fn = (name: string) => latest('us-west-2', '735015535886', name);

export default workflow('HelloWorldLambdas', { comment: 'A description of my state machine', input: untyped })
  .task('hellow-lambda', {
    resource: LAMBDA_INVOKE,
    parameters: ($) => ({ Payload: $, FunctionName: fn('lambda-function-1') }),
    returns: invokeResult(untyped),
    outputPath: ($) => $.Payload,
    retry: [lambdaServiceRetry],
  })
  .task('world-lambda', {
    resource: LAMBDA_INVOKE,
    parameters: ($) => ({ Payload: $, FunctionName: fn('lambda-function-2') }),
    returns: invokeResult(untyped),
    outputPath: ($) => $.Payload,
    retry: [lambdaServiceRetry],
  });
