import type { MapState, ResultWriter } from '../asl.js';
import { evaluateJsonataTemplate } from '../data/jsonata.js';
import { evaluatePayloadTemplate } from '../data/payload-template.js';
import { StatesError, States } from '../errors.js';
import type { StateRun } from '../state-run.js';
import { callAwsSdk } from '../tasks/aws-sdk.js';
import type { ExecutionResult } from '../types.js';

/** One child execution of a Map Run, as its result files describe it. */
export interface ChildRecord {
  readonly input: unknown;
  readonly result: ExecutionResult;
  readonly stateMachineArn: string;
}

/**
 * ResultWriter: writes the Map Run's results to S3 as Step Functions does, under
 * `<Prefix>/<map run id>/`: `SUCCEEDED_0.json`, `FAILED_0.json`, `PENDING_0.json` (the child
 * executions, one record each) and `manifest.json`; the state's result then names the manifest.
 * WriterConfig may ask for JSONL files and a Transformation of the succeeded children's records
 * (AWS: "ResultWriter (Map)"): NONE (the default) writes each child's full record, metadata
 * included; COMPACT writes the children's outputs alone; FLATTEN writes the outputs alone and
 * spreads an output that is an array into its items. Failed and pending children are written in
 * full whatever the Transformation.
 */
export async function writeResults(
  run: StateRun<MapState>,
  writer: ResultWriter,
  selected: unknown,
  mapRunArn: string,
  children: readonly ChildRecord[],
): Promise<Record<string, unknown>> {
  const parameters = (
    run.language === 'JSONata'
      ? await evaluateJsonataTemplate(writer.Arguments ?? {}, run.jsonataScope(), 'ResultWriter.Arguments')
      : evaluatePayloadTemplate(writer.Parameters ?? {}, run.pathScope(selected))
  ) as { Bucket?: unknown; Prefix?: unknown };
  const outputType = String(writer.WriterConfig?.OutputType ?? 'JSON');
  const transformation = String(writer.WriterConfig?.Transformation ?? 'NONE');
  if (!['JSON', 'JSONL'].includes(outputType) || !['NONE', 'COMPACT', 'FLATTEN'].includes(transformation)) {
    throw new StatesError(
      States.ResultWriterFailed,
      `WriterConfig ${JSON.stringify(writer.WriterConfig)} of Map state '${run.name}' is not supported: OutputType JSON or JSONL, Transformation NONE, COMPACT or FLATTEN.`,
    );
  }
  const bucket = String(parameters.Bucket ?? '');
  const prefix = parameters.Prefix === undefined || parameters.Prefix === '' ? '' : `${String(parameters.Prefix).replace(/\/$/, '')}/`;
  const folder = `${prefix}${mapRunArn.split(':').at(-1)}/`;
  const extension = outputType === 'JSONL' ? 'jsonl' : 'json';
  const serialize = (entries: readonly unknown[]) =>
    outputType === 'JSONL' ? entries.map((entry) => JSON.stringify(entry)).join('\n') : JSON.stringify(entries);

  const put = async (key: string, body: string) => {
    try {
      await callAwsSdk(run.execution.options.services, 's3', 'putObject', { Bucket: bucket, Key: key, Body: body }, true, run.signal);
    } catch (error) {
      throw new StatesError(
        States.ResultWriterFailed,
        `The ResultWriter of Map state '${run.name}' could not write s3://${bucket}/${key}: ${(error as StatesError).cause ?? (error as Error).message}`,
      );
    }
    return { Key: key, Size: Buffer.byteLength(body, 'utf8') };
  };

  const groups = { SUCCEEDED: [] as ChildRecord[], FAILED: [] as ChildRecord[], PENDING: [] as ChildRecord[] };
  for (const child of children) groups[child.result.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED'].push(child);
  const files: Record<string, { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const [status, records] of Object.entries(groups)) {
    if (records.length === 0) continue;
    const entries =
      status !== 'SUCCEEDED' || transformation === 'NONE'
        ? records.map(describeChild)
        : transformation === 'COMPACT'
          ? records.map((record) => record.result.output)
          : records.flatMap((record) => record.result.output as unknown);
    files[status]!.push(await put(`${folder}${status}_0.${extension}`, serialize(entries)));
  }
  const manifestKey = `${folder}manifest.json`;
  await put(manifestKey, JSON.stringify({ DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: files }));
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } };
}

function describeChild({ input, result, stateMachineArn }: ChildRecord): Record<string, unknown> {
  const succeeded = result.status === 'SUCCEEDED';
  return {
    ExecutionArn: result.executionArn,
    Input: JSON.stringify(input),
    InputDetails: { Included: true },
    Name: result.name,
    ...(succeeded
      ? { Output: JSON.stringify(result.output), OutputDetails: { Included: true } }
      : { Error: result.error, Cause: result.cause }),
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
    RedriveStatusReason: succeeded
      ? 'Execution is SUCCEEDED and cannot be redriven'
      : `Execution is ${result.status} and cannot be redriven locally`,
    StartDate: result.startDate.toISOString(),
    StateMachineArn: stateMachineArn,
    Status: result.status,
    StopDate: result.stopDate.toISOString(),
  };
}
