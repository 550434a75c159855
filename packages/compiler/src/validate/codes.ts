/**
 * Every diagnostic code the validator reports, with a short title (what `typestep validate`
 * prints in a summary and what the docs list). Codes never change meaning once released.
 *
 * STEP0xx what only the DSL emitter can see · STEP1xx names and transitions · STEP2xx structure and query languages ·
 * STEP3xx Choice rules · STEP4xx Retry, Catch and timeouts · STEP5xx paths, payload templates, Wait, JSONata
 * expressions · STEP6xx DefinitionSubstitutions placeholders · STEP7xx variables (Assign) · STEP8xx Distributed Map.
 */
export const DIAGNOSTIC_CODES = {
  STEP002: 'Choice branch reaches the end of the workflow',
  STEP003: 'Workflow or branch without states',
  STEP004: 'Catch handler without states',

  STEP101: 'Duplicate state name',
  STEP102: 'State name longer than 80 characters',
  STEP103: 'State name with forbidden characters',
  STEP104: 'Missing or unknown transition target',
  STEP105: 'Transition into or out of a Parallel branch or Map processor',
  STEP106: 'Unreachable state',
  STEP107: 'No terminal state',
  STEP108: 'Next and End together',
  STEP109: 'Neither Next nor End',

  STEP200: 'Invalid JSON',
  STEP201: 'Duplicate JSON key',
  STEP202: 'Definition larger than 1 MB',
  STEP203: 'Missing required field',
  STEP204: 'Field value of the wrong type',
  STEP205: 'Field not allowed here',
  STEP206: 'Unknown state type',
  STEP207: 'Conflicting fields',
  STEP208: 'JSONPath state in a JSONata state machine',

  STEP301: 'Choice state without rules',
  STEP302: 'Nested Choice rule with Next',
  STEP303: 'Choice rule without exactly one operator',
  STEP304: 'Choice rule Variable misplaced',

  STEP401: 'States.ALL not alone and last',
  STEP402: 'BackoffRate below 1',
  STEP403: 'MaxAttempts below 0',
  STEP404: 'IntervalSeconds or MaxDelaySeconds below 1',
  STEP405: 'TimeoutSeconds or HeartbeatSeconds below 1',
  STEP406: 'HeartbeatSeconds not below TimeoutSeconds',

  STEP501: 'Invalid JSONPath',
  STEP502: 'Not a reference path',
  STEP503: 'A ".$" value that is not a path or intrinsic function',
  STEP504: 'Invalid intrinsic function call',
  STEP505: 'Payload template keys collide',
  STEP506: 'Wait without exactly one time field',
  STEP507: 'Invalid timestamp',
  STEP508: 'Invalid JSONata expression',
  STEP509: 'String that is not exactly one {% … %} expression',
  STEP510: 'Intrinsic function inside a JSONata expression',
  STEP511: 'JSONata expression reading the top-level context or $$',
  STEP512: '$states field without a value here',
  STEP513: 'JSONata function Step Functions does not provide',

  STEP601: 'Placeholder without a substitution',
  STEP602: 'Substitution never used',

  STEP701: 'Invalid variable name',
  STEP702: 'Reserved variable name "states"',
  STEP703: 'Variable read where it may not be assigned',
  STEP704: 'Inner scope assigns a variable of an outer scope',

  STEP801: 'Distributed Map without ExecutionType',
  STEP802: 'Distributed Map field on an inline Map',
  STEP803: 'Unsupported ItemReader or ResultWriter resource',
  STEP804: 'CSV headers not given',
  STEP805: 'Invalid Map Label',
  STEP806: 'ItemBatcher without a batch limit',
  STEP807: 'Incomplete ResultWriter',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
