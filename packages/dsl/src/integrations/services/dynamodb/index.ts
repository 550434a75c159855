export * from './items.js';
export type * from './attribute-value.js';
