export { Chain, ChoiceBuilder, unsafeTarget, type GotoTarget, type UnsafeTarget, type Named, type ChainLike } from './chain.js';
export { workflow, fragment, isWorkflow, toWorkflowNode, type WorkflowOptions } from './workflow.js';
export { shape, untyped, type Schema, type Infer } from './schema.js';
export { sub, isPlaceholder, type Placeholder } from './payload/placeholder.js';
export { type Template, type TemplateValue, type TemplateArrayItem, type Resolve } from './payload/template.js';
export { type Intrinsic, isIntrinsic } from './payload/intrinsic.js';
export { at, unsafePath, variable, renderPath, isPathRef, nodeOfPath, type Path, type PathRef, type PathTo, type ValueOf } from './path/path.js';
export { type Context, type ContextObject } from './path/context-object.js';
export { empty, type EmptyPath } from './path/empty.js';
export { type ResultPathSpec, type ApplyResultPath } from './path/result-path.js';
export { eq, lt, lte, gt, gte, matches, str, num, bool, timestamp } from './conditions/compare.js';
export { and, or, not, isPresent, isNull, isString, isNumeric, isBoolean, isTimestamp } from './conditions/logic.js';
export { type Condition } from './conditions/condition.js';
export { type ErrorOutput, type RetryOptions } from './states/common.js';
export { type BranchBuilder as Branch } from './states/builder-kit.js';
export * from './intrinsics/index.js';
export * as ir from './ir/index.js';
export { jsonata, unsafeJsonata, isExpr, type Expr, type Splice } from './jsonata/expression.js';
export { renderJsonataPath, renderExpression } from './jsonata/render.js';
export { type StatesInput, type StatesResult, type StatesError, type Vars } from './jsonata/states-object.js';
export { JsonataChain, JsonataChoiceBuilder, jsonataFragment, type JsonataCatcher, type JsonataTest } from './jsonata/chain.js';
export { type JsonataTemplate } from './jsonata/value.js';
export type * from './jsonata/options.js';
export {
  s3Objects,
  s3Json,
  s3Jsonl,
  s3Csv,
  s3InventoryManifest,
  type S3ObjectItem,
  type ItemReader,
  type DistributedOptions,
  type Batch,
} from './states/distributed.js';
export * from './integrations/index.js';
