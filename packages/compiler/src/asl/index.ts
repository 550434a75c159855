// The state schemas are mutually recursive (Parallel and Map hold nested `States`), so the module
// cycle must be entered through states/state.js: it is exported first, and code outside asl/
// imports from this index, never from states/parallel.js or states/map.js directly.
export * from './states/state.js';
export * from './state-machine.js';
export * from './common.js';
export * from './retrier.js';
export * from './catcher.js';
export * from './choice-rule.js';
export * from './states/fields.js';
export * from './states/task.js';
export * from './states/pass.js';
export * from './states/choice.js';
export * from './states/wait.js';
export * from './states/succeed.js';
export * from './states/fail.js';
export * from './states/parallel.js';
export * from './states/map.js';
