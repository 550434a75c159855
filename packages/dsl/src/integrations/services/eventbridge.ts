import type { TemplateValue } from '../../payload/template.js';
import { apiFields } from '../request/api-fields.js';
import type { CallbackOptions, CallOptions } from '../request/call-options.js';
import { fieldValue, type Field, type Text } from '../request/field.js';
import { serviceCall, type IntegrationPattern } from '../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';

/** What PutEvents returns: one entry per event sent, in order, with its id or its error. */
export interface PutEventsResult {
  readonly Entries: readonly { readonly EventId?: string; readonly ErrorCode?: string; readonly ErrorMessage?: string }[];
  readonly FailedEntryCount: number;
}

/** One event. Fields are the API's, in camelCase. */
export interface EventEntry {
  /** The event's detail: JSON (a template or a path), or its JSON text. */
  readonly detail: TemplateValue;
  readonly detailType: Text;
  readonly source: Text;
  /** The bus (name or ARN); the default bus when left out. */
  readonly eventBusName?: Text;
  readonly resources?: readonly string[];
  readonly traceHeader?: Text;
}

export interface PutEventsOptions<In, Selected> extends CallOptions<In, Selected> {
  /** The events: `($) => [{ detail: { orderId: $.id }, detailType: 'OrderPlaced', source: 'shop' }]`. */
  readonly entries: Field<Selected, readonly [EventEntry, ...EventEntry[]]>;
}

const ENTRY_FIELDS = ['detail', 'detailType', 'eventBusName', 'resources', 'source', 'traceHeader'] as const;

const putEventsTask = <In, Selected, Result>(pattern: IntegrationPattern, options: PutEventsOptions<In, Selected>) =>
  integrationTask<In, Selected, Result>(
    serviceCall(
      'events',
      'putEvents',
      pattern,
      ($, $$) => ({ Entries: fieldValue(options.entries, $, $$).map((entry) => apiFields(entry, ENTRY_FIELDS, $, $$)) }),
      "an entry's detail",
    ),
    options.inputPath,
  );

/** `arn:aws:states:::events:putEvents`; EventBridge supports request-response and `.waitForTaskToken`. */
export const putEvents = Object.assign(
  <In, Selected = In>(options: PutEventsOptions<In, Selected>): IntegrationTask<In, Selected, PutEventsResult> =>
    putEventsTask('requestResponse', options),
  {
    /** Sends events, one carrying the task token, and waits for SendTaskSuccess with it. */
    waitForTaskToken: <In, Selected = In, Result = unknown>(
      options: PutEventsOptions<In, Selected> & CallbackOptions<Result>,
    ): IntegrationTask<In, Selected, Result> => putEventsTask('waitForTaskToken', options),
  },
);
