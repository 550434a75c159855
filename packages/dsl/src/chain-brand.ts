/** The brand every chain carries (JSONPath or JSONata), recognised across copies of this package. */
export const CHAIN = Symbol.for('typestep.chain');
// Keys of type-only members (never set at run time): what a chain takes in, hands on, and names.
export const INPUT: unique symbol = Symbol('typestep.input');
export const OUTPUT: unique symbol = Symbol('typestep.output');
export const SCOPE: unique symbol = Symbol('typestep.scope');
