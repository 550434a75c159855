import type { ValidationContext } from '../context.js';
import { checkChoiceRules } from './choice-rules.js';
import { checkConflictingFields } from './conflicting-fields.js';
import { checkDistributedMaps } from './distributed-map.js';
import { checkStatesAll } from './error-handlers.js';
import { checkJsonataExpressions } from './jsonata-expressions.js';
import { checkNextAndEnd } from './next-end.js';
import { checkPaths } from './paths.js';
import { checkPayloadTemplates } from './payload-templates.js';
import { checkQueryLanguageFields } from './query-language.js';
import { checkReachability } from './reachability.js';
import { checkRetryValues } from './retry-values.js';
import { checkStateNames } from './state-names.js';
import { checkStructure } from './structure.js';
import { checkSubstitutions } from './substitutions.js';
import { checkTimeouts } from './timeouts.js';
import { checkTimestamps } from './timestamps.js';
import { checkTransitions } from './transitions.js';
import { checkVariableNames } from './variable-names.js';
import { checkVariableScopes } from './variable-scopes.js';
import { checkWaitTime } from './wait-time.js';

/** The rules, in the order their diagnostics are reported for one state. */
export const RULES: readonly ((context: ValidationContext) => void)[] = [
  checkStructure,
  checkQueryLanguageFields,
  checkConflictingFields,
  checkStateNames,
  checkTransitions,
  checkNextAndEnd,
  checkReachability,
  checkChoiceRules,
  checkStatesAll,
  checkRetryValues,
  checkTimeouts,
  checkWaitTime,
  checkTimestamps,
  checkPaths,
  checkPayloadTemplates,
  checkJsonataExpressions,
  checkVariableNames,
  checkVariableScopes,
  checkDistributedMaps,
  checkSubstitutions,
];
