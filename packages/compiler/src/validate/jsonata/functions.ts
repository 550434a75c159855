/**
 * The functions Step Functions adds to JSONata, or (`$random`, which takes a seed) changes (AWS:
 * "Transforming data with JSONata"). The local engine implements exactly these.
 */
export const STEP_FUNCTIONS_JSONATA_FUNCTIONS = ['partition', 'range', 'hash', 'random', 'uuid', 'parse'] as const;
export type StepFunctionsJsonataFunction = (typeof STEP_FUNCTIONS_JSONATA_FUNCTIONS)[number];

/**
 * The functions a Step Functions JSONata expression can call: JSONata's built-ins (version 2.0,
 * https://docs.jsonata.org) and the ones Step Functions adds ($partition, $range, $hash, $random
 * with a seed, $uuid, $parse). A `$name` that is one of these is a function, not a workflow
 * variable.
 */
export const JSONATA_FUNCTIONS: ReadonlySet<string> = new Set([
  // Aggregation, numeric
  'sum', 'count', 'max', 'min', 'average', 'number', 'abs', 'floor', 'ceil', 'round', 'power', 'sqrt', 'random',
  'formatNumber', 'formatBase', 'formatInteger', 'parseInteger',
  // String
  'string', 'length', 'substring', 'substringBefore', 'substringAfter', 'uppercase', 'lowercase', 'trim', 'pad',
  'contains', 'split', 'join', 'match', 'replace', 'base64encode', 'base64decode', 'encodeUrlComponent', 'encodeUrl',
  'decodeUrlComponent', 'decodeUrl',
  // Boolean, array, object, higher order
  'boolean', 'not', 'exists', 'append', 'sort', 'reverse', 'shuffle', 'distinct', 'zip', 'keys', 'lookup', 'spread',
  'merge', 'sift', 'each', 'error', 'assert', 'type', 'map', 'filter', 'single', 'reduce', 'clone',
  // Date and time
  'now', 'millis', 'fromMillis', 'toMillis',
  // Step Functions' own
  ...STEP_FUNCTIONS_JSONATA_FUNCTIONS,
]); // prettier-ignore

/** JSONata built-ins Step Functions leaves out, with what to use instead (AWS: "Transforming data with JSONata"). */
export const UNAVAILABLE_FUNCTIONS: { readonly [name: string]: string } = {
  eval: 'Step Functions does not provide $eval; parse JSON text with $parse',
};

/** Each JSONPath intrinsic function with its JSONata counterpart, for the message that suggests it. */
export const JSONATA_FOR_INTRINSIC: { readonly [name: string]: string } = {
  'States.Format': 'string concatenation with & ("{% \'Hello \' & $name %}") or $join',
  'States.StringToJson': '$parse(text)',
  'States.JsonToString': '$string(value)',
  'States.Array': 'an array constructor [a, b]',
  'States.ArrayPartition': '$partition(array, size)',
  'States.ArrayContains': 'value in array',
  'States.ArrayRange': '$range(start, end, step)',
  'States.ArrayGetItem': 'array[index]',
  'States.ArrayLength': '$count(array)',
  'States.ArrayUnique': '$distinct(array)',
  'States.Base64Encode': '$base64encode(text)',
  'States.Base64Decode': '$base64decode(text)',
  'States.Hash': '$hash(value, algorithm)',
  'States.JsonMerge': '$merge([a, b])',
  'States.MathRandom': '$random()',
  'States.MathAdd': 'a + b',
  'States.StringSplit': '$split(text, separator)',
  'States.UUID': '$uuid()',
};
