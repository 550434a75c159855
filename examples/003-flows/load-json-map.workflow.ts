import { lambda, untyped, workflow } from '@typestep/dsl';
import { echoAndWait } from './echo-and-wait.js';
import { COMMENT, fn } from './functions.js';

/**
 * Seed 003 §Map: load a JSON array from S3, look at it (Pass as a debug point), keep the
 * payload, then call a function once per element, one at a time, pausing 5 s after each. The
 * seed uses the older `Iterator` form of Map; `iterator` expresses it as it was.
 */
export default workflow('LoadJsonMap', { comment: COMMENT, input: untyped })
  // No outputPayload here: the seed keeps the whole invoke result and picks `$.Payload` in a Pass.
  .task('Lambda LoadJSONfromS3', lambda.invoke({ functionName: fn('testLoadJSONfromS3'), returns: untyped, retryServiceExceptions: true }))
  .pass('Pass (Debug)')
  .pass('Pass (Filter)', { inputPath: ($) => $.Payload })
  .map('Map', {
    maxConcurrency: 1,
    iterator: (b) => b.next(echoAndWait('Lambda TEST001', 'Wait', 5)),
  });
