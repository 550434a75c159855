import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Step Functions API, speaking its wire protocol (AWS JSON 1.0 over HTTP) for
 * the calls the handlers make: the real @aws-sdk/client-sfn serialises every request, so what
 * the handlers send is what AWS would receive. It records machines and executions; it runs
 * nothing — an execution stays RUNNING until a test settles it.
 *
 * To be replaced by @typestep/local's Step-Functions-compatible endpoint once it exists, which
 * will run the created machines for real.
 */
export interface StandInMachine {
  readonly arn: string;
  readonly name: string;
  readonly definition: string;
  readonly roleArn: string;
}

export interface StandInExecution {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly input: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
}

export interface StepFunctionsStandIn {
  readonly endpoint: string;
  readonly machines: Map<string, StandInMachine>;
  readonly executions: Map<string, StandInExecution>;
  /** Every call received, in order: `[operation, request body]`. */
  readonly calls: [string, Record<string, unknown>][];
  settle(executionArn: string, status: StandInExecution['status']): void;
  stop(): Promise<void>;
}

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startStepFunctionsStandIn(): Promise<StepFunctionsStandIn> {
  const machines = new Map<string, StandInMachine>();
  const executions = new Map<string, StandInExecution>();
  const calls: [string, Record<string, unknown>][] = [];
  const now = () => Date.now() / 1000;

  const operations: Record<string, (request: Record<string, unknown>) => object> = {
    CreateStateMachine: ({ name, definition, roleArn }) => {
      const arn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${String(name)}`;
      if (machines.has(arn)) throw new ApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
      JSON.parse(String(definition));
      machines.set(arn, { arn, name: String(name), definition: String(definition), roleArn: String(roleArn) });
      return { stateMachineArn: arn, creationDate: now() };
    },
    DeleteStateMachine: ({ stateMachineArn }) => {
      machines.delete(String(stateMachineArn));
      return {};
    },
    StartExecution: ({ stateMachineArn, name, input }) => {
      const machine = machines.get(String(stateMachineArn));
      if (!machine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${String(stateMachineArn)}'`);
      const arn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine.name}:${String(name)}`;
      if (executions.has(arn)) throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
      executions.set(arn, { arn, name: String(name), stateMachineArn: machine.arn, input: String(input ?? '{}'), status: 'RUNNING' });
      return { executionArn: arn, startDate: now() };
    },
    DescribeExecution: ({ executionArn }) => {
      const execution = executions.get(String(executionArn));
      if (!execution) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${String(executionArn)}'`);
      return {
        executionArn: execution.arn,
        stateMachineArn: execution.stateMachineArn,
        name: execution.name,
        status: execution.status,
        input: execution.input,
        startDate: now(),
      };
    },
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AWSStepFunctions\./, '');
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const reply = (status: number, payload: object) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(payload));
    };
    try {
      const parsed = JSON.parse(body || '{}') as Record<string, unknown>;
      calls.push([operation, parsed]);
      const run = operations[operation];
      if (!run) throw new ApiError('UnknownOperationException', `the stand-in does not implement ${operation}`);
      reply(200, run(parsed));
    } catch (error) {
      if (error instanceof ApiError) reply(400, { __type: `com.amazonaws.swf.service.v2.model#${error.type}`, message: error.message });
      else reply(400, { __type: 'com.amazonaws.swf.service.v2.model#InvalidDefinition', message: String(error) });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    machines,
    executions,
    calls,
    settle(executionArn, status) {
      const execution = executions.get(executionArn);
      if (!execution) throw new Error(`no execution ${executionArn}`);
      execution.status = status;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
