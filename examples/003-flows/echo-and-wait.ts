import { fragment, lambda, untyped } from '@typestep/dsl';
import { fn } from './functions.js';

/**
 * A reusable fragment: call the logging function with the current data, then pause. Seed 003
 * uses it as its Map's iterator; the flows tour uses it again in a Parallel branch.
 */
export const echoAndWait = (stateName: string, waitName: string, seconds: number) =>
  fragment(untyped)
    .task(stateName, lambda.invoke({ functionName: fn('test001'), returns: untyped, outputPayload: true, retryServiceExceptions: true }))
    .wait(waitName, { seconds });
