// The oracles ship no types; their declarations live beside them (this package's typecheck does not include test/).
/// <reference path="../support/oracle-modules.d.ts" />
import { compile, formatDiagnostic, type WorkflowLike } from '@typestep/compiler';
import { expect } from 'vitest';
import { aslValidatorErrors } from '../support/oracles.js';
import { substitute } from '../support/substitute.js';

type Json = Record<string, unknown>;

/**
 * Compiles a workflow built with integration helpers and checks what every golden test of them
 * needs: no diagnostics, a definition asl-validator v4 accepts (placeholders filled in as
 * CloudFormation would, see test/support/substitute.ts), and exactly the expected placeholders in
 * the substitutions map. Returns the definition's states by name.
 */
export function compileChecked(workflow: WorkflowLike, placeholders: readonly string[] = []): { readonly states: Record<string, Json>; readonly definition: Json } {
  const result = compile(workflow);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(Object.keys(result.substitutions).sort()).toEqual([...placeholders].sort());
  expect(aslValidatorErrors(substitute(result.definition, result.substitutions))).toEqual([]);
  return { states: result.definition.States as Record<string, Json>, definition: result.definition as Json };
}

/** The one state of a workflow with a single state. */
export function onlyState(workflow: WorkflowLike, placeholders: readonly string[] = []): Json {
  const states = Object.values(compileChecked(workflow, placeholders).states);
  expect(states).toHaveLength(1);
  return states[0]!;
}
