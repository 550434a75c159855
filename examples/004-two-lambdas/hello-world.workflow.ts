import { lambda, untyped, workflow } from '@typestep/dsl';
import { latest } from '../shared/lambda-invoke.js';

/** Seed 004: two Lambda functions in sequence, created and started with the AWS CLI. */
const fn = (name: string) => latest('us-west-2', '735015535886', name);

/** The console's Lambda task: the whole input as Payload, the function's answer as output. */
const invoke = (name: string) => lambda.invoke({ functionName: fn(name), returns: untyped, outputPayload: true, retryServiceExceptions: true });

export default workflow('HelloWorldLambdas', { comment: 'A description of my state machine', input: untyped })
  .task('hellow-lambda', invoke('lambda-function-1'))
  .task('world-lambda', invoke('lambda-function-2'));
