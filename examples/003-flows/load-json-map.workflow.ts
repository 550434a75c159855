import { untyped, workflow } from '@typestep/dsl';
import { invokeResult, LAMBDA_INVOKE, lambdaServiceRetry } from '../shared/lambda-invoke.js';
import { echoAndWait } from './echo-and-wait.js';
import { COMMENT, fn } from './functions.js';

/**
 * Seed 003 §Map: load a JSON array from S3, look at it (Pass as a debug point), keep the
 * payload, then call a function once per element, one at a time, pausing 5 s after each. The
 * seed uses the older `Iterator` form of Map; `iterator` expresses it as it was.
 */
export default workflow('LoadJsonMap', { comment: COMMENT, input: untyped })
  .task('Lambda LoadJSONfromS3', {
    resource: LAMBDA_INVOKE,
    parameters: ($) => ({ Payload: $, FunctionName: fn('testLoadJSONfromS3') }),
    returns: invokeResult(untyped),
    retry: [lambdaServiceRetry],
  })
  .pass('Pass (Debug)')
  .pass('Pass (Filter)', { inputPath: ($) => $.Payload })
  .map('Map', {
    maxConcurrency: 1,
    iterator: (b) => b.next(echoAndWait('Lambda TEST001', 'Wait', 5)),
  });
