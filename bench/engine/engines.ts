import { runExecution } from '@typestep/local';
import type { Workload } from './workloads.js';

/** One engine under measurement: prepares a workload once, then runs executions of it. */
export interface Engine {
  readonly name: string;
  readonly version: string;
  prepare(workload: Workload): Promise<() => Promise<unknown>>;
}

/** typestep's engine (@typestep/local): runExecution, full history recorded as for GetExecutionHistory. */
export function typestepEngine(version: string): Engine {
  return {
    name: 'typestep (@typestep/local)',
    version,
    async prepare(workload) {
      const run = async () => {
        const result = await runExecution({ definition: workload.definition, input: workload.input });
        if (result.status !== 'SUCCEEDED')
          throw new Error(`typestep: ${workload.name} ended ${result.status}: ${result.error} ${result.cause}`);
        return result.output;
      };
      // The first run validates the definition with the compiler's rules; later runs of the same
      // definition object skip that, as aws-local-stepfunctions validates once in its constructor.
      await run();
      return run;
    },
  };
}

/** aws-local-stepfunctions (Node 22's Promise.withResolvers polyfilled for Node 20). */
export async function awsLocalStepFunctionsEngine(version: string): Promise<Engine> {
  const promise = Promise as PromiseConstructor & { withResolvers?: unknown };
  promise.withResolvers ??= function withResolvers<T>() {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const created = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
  const { StateMachine } = await import('aws-local-stepfunctions');
  return {
    name: 'aws-local-stepfunctions',
    version,
    async prepare(workload) {
      const machine = new StateMachine(workload.definition as never);
      return () => machine.run(workload.input as never).result;
    },
  };
}
