// The oracles ship no types; their declarations live beside them (this package's typecheck does not include test/).
/// <reference path="../support/oracle-modules.d.ts" />
import { describe, expect, it } from 'vitest';
import { aslValidatorErrors } from '../support/oracles.js';

describe('the oracle the golden tests lean on', () => {
  it('asl-validator rejects what AWS would reject, so an accepted definition means something', () => {
    const broken = { StartAt: 'Publish', States: { Publish: { Type: 'Task', Resource: 'sns:publish', Parameters: { 'Message.$': 'summary' }, End: true } } };
    expect(aslValidatorErrors(broken)).not.toEqual([]);
  });
});
