import { JSONATA_PATTERN } from '../../asl/index.js';
import { capitalize, truncate } from '../text.js';
import { describeField, type ValidationContext } from '../context.js';
import type { Location } from '../model.js';
import { isWholePlaceholder } from '../placeholders.js';
import { isTimestamp } from '../timestamp.js';
import { forEachChoiceRule } from './walk.js';

const TIMESTAMP_OPERATORS = [
  'TimestampEquals',
  'TimestampLessThan',
  'TimestampGreaterThan',
  'TimestampLessThanEquals',
  'TimestampGreaterThanEquals',
];

/** STEP507: Wait "Timestamp" and the literal operands of Timestamp comparisons must be RFC 3339 timestamps. */
export function checkTimestamps(context: ValidationContext): void {
  for (const state of context.model.states) {
    if (!state.object) continue;
    if (state.type === 'Wait') {
      const value = state.object.Timestamp;
      if (typeof value === 'string' && !JSONATA_PATTERN.test(value)) check(context, [...state.location, 'Timestamp'], value);
    }
    forEachChoiceRule(state, (rule, location) => {
      for (const operator of TIMESTAMP_OPERATORS) {
        const value = rule[operator];
        if (typeof value === 'string') check(context, [...location, operator], value);
      }
    });
  }
}

function check(context: ValidationContext, location: Location, value: string): void {
  if (isWholePlaceholder(value) || isTimestamp(value)) return;
  context.report(
    'STEP507',
    location,
    `${capitalize(describeField(context, location))} is ${JSON.stringify(truncate(value, 60))}, which is not an ISO 8601 (RFC 3339) timestamp. Write it like "2016-03-14T01:59:00Z": date, an uppercase "T", time, then "Z" or an offset such as "+09:00".`,
  );
}
