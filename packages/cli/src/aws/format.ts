import type { DescribeExecutionOutput, DescribeStateMachineOutput, ExecutionListItem, HistoryEvent } from '@aws-sdk/client-sfn';
import type { Io } from '../io.js';
import { jsonText } from '../report.js';

/** `--output json`: the API's answer as the AWS CLI prints it (dates as ISO text), without the SDK's `$metadata`. */
export function printJson(io: Io, value: object): void {
  const { $metadata: _metadata, ...rest } = value as { $metadata?: unknown };
  io.stdout(jsonText(rest));
}

/** Columns padded to line up; the last one is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n';
}

export function dateText(date: Date | undefined): string {
  return date === undefined ? '-' : date.toISOString();
}

/** JSON text indented by two spaces (as the text was, when it is not JSON). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** `describe` of a state machine, for people: one field a line, then the definition. */
export function stateMachineText(machine: DescribeStateMachineOutput): string {
  const logging = machine.loggingConfiguration;
  const logGroup = logging?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
  return (
    fields([
      ['name', machine.name],
      ['arn', machine.stateMachineArn],
      ['type', machine.type],
      ['status', machine.status],
      ['role', machine.roleArn],
      ['created', dateText(machine.creationDate)],
      ['logging', `${logging?.level ?? 'OFF'}${logGroup ? ` to ${logGroup}` : ''}${logging?.includeExecutionData ? ', with execution data' : ''}`],
      ['tracing', machine.tracingConfiguration?.enabled ? 'on' : 'off'],
      ['revision', machine.revisionId],
      ['description', machine.description],
    ]) + `definition:\n${prettyJson(machine.definition ?? '')}\n`
  );
}

/** `describe` of an execution, for people: status and dates, then input and output (or error and cause). */
export function executionText(execution: DescribeExecutionOutput): string {
  const parts = [
    fields([
      ['name', execution.name],
      ['arn', execution.executionArn],
      ['state machine', execution.stateMachineArn],
      ['status', execution.status],
      ['started', dateText(execution.startDate)],
      ['stopped', execution.stopDate && dateText(execution.stopDate)],
      ['error', execution.error],
      ['cause', execution.cause],
    ]),
  ];
  if (execution.input !== undefined) parts.push(`input:\n${prettyJson(execution.input)}\n`);
  if (execution.output !== undefined) parts.push(`output:\n${prettyJson(execution.output)}\n`);
  return parts.join('');
}

/** `executions`: one row per execution, newest first, as Step Functions lists them. */
export function executionsTable(executions: readonly ExecutionListItem[]): string {
  return table([
    ['STATUS', 'STARTED', 'STOPPED', 'NAME', 'ARN'],
    ...executions.map((e) => [e.status ?? '', dateText(e.startDate), dateText(e.stopDate), e.name ?? '', e.executionArn ?? '']),
  ]);
}

/** `history`: one row per event. */
export function historyTable(events: readonly HistoryEvent[]): string {
  return table([['ID', 'TIMESTAMP', 'TYPE', 'DETAILS'], ...events.map((e) => [String(e.id ?? ''), dateText(e.timestamp), e.type ?? '', eventSummary(e)])]);
}

/** What an event is about: the state's name, or the error and cause of a failure. */
export function eventSummary(event: HistoryEvent): string {
  const details = eventDetails(event);
  if (details === undefined) return '';
  if (typeof details['name'] === 'string') return details['name'];
  if (typeof details['error'] === 'string' || typeof details['cause'] === 'string') {
    return [details['error'], details['cause']].filter((part) => typeof part === 'string' && part !== '').join(': ');
  }
  return '';
}

/** The event's one `<camelType>EventDetails` member. */
function eventDetails(event: HistoryEvent): Record<string, unknown> | undefined {
  const entry = Object.entries(event).find(([name]) => name.endsWith('EventDetails'));
  return entry?.[1] as Record<string, unknown> | undefined;
}

function fields(rows: readonly (readonly [string, string | undefined])[]): string {
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  return table(shown.map(([name, value]) => [`${name}:`, value]));
}
