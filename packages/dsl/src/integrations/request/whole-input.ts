/**
 * When a call sends the state's input as it is (no payload template), that input must be what
 * the handler accepts: if it is not, the payload becomes a required option, so the error asks
 * for a payload built to the contract.
 */
export type WholeInputFits<Selected, Accepted> = [Selected] extends [Accepted] ? {} : { readonly payload: {} };
