export { type IntrinsicArg, type IntrinsicLiteral, type ArrayArg, type ArgValue } from './argument.js';
export { renderIntrinsic } from './render.js';
export { format, stringSplit, type FormatArg, type FormatArgs, type FormatValue } from './string.js';
export { stringToJson, jsonToString, jsonMerge, type JsonMerged, type ObjectArg } from './json.js';
export { array, arrayPartition, arrayContains, arrayRange, arrayGetItem, arrayLength, arrayUnique } from './array.js';
export { base64Encode, base64Decode, hash, type HashAlgorithm } from './encoding.js';
export { mathRandom, mathAdd } from './math.js';
export { uuid } from './uuid.js';
