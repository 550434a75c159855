import { defineHandler } from '../define-handler.js';
import { createMessageContract } from './contract.js';
import { usageMessage } from './message.js';

/** Seed 001's create-message: the Parallel state's reports in, `{ message }` out for SNS Publish. */
export const createMessageHandler = defineHandler('create-message', createMessageContract, async (reports) => ({
  message: usageMessage(reports),
}));
