import { isObject, type JsonObject, type StateEntry } from './model.js';

/** A Map state's ItemProcessor (or deprecated Iterator) object, if it has one. */
export function processorOf(state: StateEntry): JsonObject | undefined {
  if (state.type !== 'Map' || !state.object) return undefined;
  const processor = state.object.ItemProcessor ?? state.object.Iterator;
  return isObject(processor) ? processor : undefined;
}

/** Whether a Map state runs its items as child executions (`ProcessorConfig.Mode: DISTRIBUTED`). */
export function isDistributedMap(state: StateEntry): boolean {
  const config = processorOf(state)?.ProcessorConfig;
  return isObject(config) && config.Mode === 'DISTRIBUTED';
}
