import { describe, expect, it } from 'vitest';
import { isTimestamp } from '../../src/validate/timestamp.js';

describe('isTimestamp (RFC 3339, uppercase T and Z)', () => {
  it.each([
    '2016-03-14T01:59:00Z',
    '2016-03-14T01:59:00.123Z',
    '2024-02-29T23:59:59+09:00',
    '2016-12-31T23:59:60Z',
    '2000-01-01T00:00:00-05:30',
  ])('%s is valid', (text) => expect(isTimestamp(text)).toBe(true));
  it.each([
    '2016-03-14 01:59:00Z',
    '2016-03-14t01:59:00z',
    '2016-03-14T01:59:00',
    '2016-03-14',
    '2023-02-29T00:00:00Z',
    '2016-13-01T00:00:00Z',
    '2016-04-31T00:00:00Z',
    '2016-03-14T24:00:00Z',
    '2016-03-14T01:60:00Z',
    '2016-03-14T01:59:00+0900',
    'tomorrow',
  ])('%s is not', (text) => expect(isTimestamp(text)).toBe(false));
});
