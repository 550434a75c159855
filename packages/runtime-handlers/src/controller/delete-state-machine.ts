import { DeleteStateMachineCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from '../aws-clients.js';
import { defineHandler } from '../define-handler.js';
import { deleteStateMachineContract } from './contract.js';

/** Seed 001's delete-state-machine: deletes the per-run machine once its execution succeeded. */
export const deleteStateMachineHandler = defineHandler('delete-state-machine', deleteStateMachineContract, async ({ stateArn }) => {
  await sfnClient().send(new DeleteStateMachineCommand({ stateMachineArn: stateArn }));
  return { deleted: stateArn };
});
