import { distributedMapCases } from './distributed-map.js';
import type { GoldenCase } from './golden-case.js';
import { jsonataStateCases } from './jsonata-states.js';
import { jsonPathVariableCases } from './jsonpath-variables.js';

export type { GoldenCase } from './golden-case.js';

/** Every construct case, for the golden test and the oracles. */
export const goldenCases: readonly GoldenCase[] = [...jsonataStateCases, ...jsonPathVariableCases, ...distributedMapCases];
