import { latest } from '../shared/lambda-invoke.js';

/** Seed 003's functions (account 000000000000, Tokyo, `$LATEST`). */
export const fn = (name: string) => latest('ap-northeast-1', '000000000000', name);
export const COMMENT = 'This is your state machine';
