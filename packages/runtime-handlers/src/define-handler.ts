import { z } from 'zod';
import type { HandlerContract, RequestOf, ResultOf } from './contract.js';
import { InvalidRequest } from './errors.js';
import type { LambdaContext } from './lambda-context.js';

/** A Lambda handler: any event in (Lambda passes whatever the caller sent), the contract's result out. */
export type LambdaHandler<C extends HandlerContract> = ((event: unknown, context?: LambdaContext) => Promise<ResultOf<C>>) & {
  readonly contract: C;
};

/**
 * Wraps a handler body so that every event is checked against the contract first: an event that
 * does not match is an `InvalidRequest` naming the handler, the field and what was expected,
 * never a crash deeper in.
 */
export function defineHandler<C extends HandlerContract>(
  name: string,
  handlerContract: C,
  body: (request: RequestOf<C>, context: LambdaContext | undefined) => Promise<ResultOf<C>>,
): LambdaHandler<C> {
  const handler = async (event: unknown, context?: LambdaContext) =>
    body(parseEvent(name, handlerContract.input, event) as RequestOf<C>, context);
  return Object.assign(handler, { contract: handlerContract });
}

export function parseEvent<S extends z.ZodType>(handler: string, schema: S, event: unknown): z.output<S> {
  const parsed = schema.safeParse(event);
  if (parsed.success) return parsed.data;
  throw new InvalidRequest(`${handler}: the event does not match the handler's contract:\n${z.prettifyError(parsed.error)}`);
}
