import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validateDefinition } from '../../src/validate/index.js';
import type { ValidateOptions } from '../../src/validate/validate-options.js';

export const WORKFLOW = 'Flow';

/** A definition whose first state is the start. */
export function machine(states: Record<string, unknown>, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { StartAt: Object.keys(states)[0], States: states, ...top };
}

export function validate(definition: unknown, options: Partial<ValidateOptions> = {}): Diagnostic[] {
  return validateDefinition(definition, { workflow: WORKFLOW, ...options });
}

export function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

export interface Expected {
  readonly code: string;
  readonly location: readonly (string | number)[];
  /** Substrings the message must contain. */
  readonly includes: readonly string[];
  readonly statePath?: string;
  readonly severity?: 'error' | 'warning';
}

/**
 * Asserts that exactly one diagnostic has the code at the location, with the words given, and
 * that it reads as a sentence; returns it. Fails listing every diagnostic otherwise.
 */
export function expectDiagnostic(diagnostics: readonly Diagnostic[], expected: Expected): Diagnostic {
  const found = diagnostics.filter(
    (diagnostic) => diagnostic.code === expected.code && JSON.stringify(diagnostic.location) === JSON.stringify(expected.location),
  );
  expect(found, `expected one ${expected.code} at ${JSON.stringify(expected.location)}, got:\n${show(diagnostics)}`).toHaveLength(1);
  const diagnostic = found[0]!;
  for (const words of expected.includes) expect(diagnostic.message).toContain(words);
  expect(diagnostic.message).toMatch(/^[A-Z"].*[.?!]$/s);
  expect(diagnostic.workflow).toBe(WORKFLOW);
  expect(diagnostic.severity).toBe(expected.severity ?? 'error');
  if (expected.statePath !== undefined) expect(diagnostic.statePath).toBe(expected.statePath);
  return diagnostic;
}

/** Asserts there is no diagnostic with this code (the rule did not fire). */
export function expectNoCode(diagnostics: readonly Diagnostic[], code: string): void {
  expect(
    diagnostics.filter((diagnostic) => diagnostic.code === code),
    show(diagnostics),
  ).toEqual([]);
}

export function show(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${JSON.stringify(d.location)}: ${d.message}`).join('\n') || '(none)';
}
