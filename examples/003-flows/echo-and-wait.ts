import { fragment, untyped } from '@typestep/dsl';
import { invokeResult, LAMBDA_INVOKE, lambdaServiceRetry } from '../shared/lambda-invoke.js';
import { fn } from './functions.js';

/**
 * A reusable fragment: call the logging function with the current data, then pause. Seed 003
 * uses it as its Map's iterator; the flows tour uses it again in a Parallel branch.
 */
export const echoAndWait = (stateName: string, waitName: string, seconds: number) =>
  fragment(untyped)
    .task(stateName, {
      resource: LAMBDA_INVOKE,
      parameters: ($) => ({ Payload: $, FunctionName: fn('test001') }),
      returns: invokeResult(untyped),
      outputPath: ($) => $.Payload,
      retry: [lambdaServiceRetry],
    })
    .wait(waitName, { seconds });
