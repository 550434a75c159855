import type { Clock } from '../engine/types.js';
import type { TaskTokens } from '../engine/task-tokens.js';
import type { Store } from '../store/store.js';
import type { AccountScope } from './arns.js';
import type { ExecutionRunner } from './execution-runner.js';

/** What every action works with. */
export interface EndpointContext {
  readonly scope: AccountScope;
  readonly store: Store;
  readonly runner: ExecutionRunner;
  readonly clock: Clock;
  readonly taskTokens: TaskTokens;
}
