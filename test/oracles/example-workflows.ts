import { compile, type CompileResult } from '@typestep/compiler';
import { isWorkflow } from '@typestep/dsl';
import { readdirSync } from 'node:fs';
import { repoRoot } from '../support/examples.js';

export interface ExampleWorkflow {
  /** `<file under examples/> <export>`, for test names. */
  readonly source: string;
  readonly compiled: CompileResult;
}

/**
 * Every workflow the examples export, found the way `typestep build` finds them (every
 * `*.workflow.ts` under examples/, every export that is a workflow) — so a new example is checked by
 * the oracles without being listed anywhere.
 */
export async function exampleWorkflows(): Promise<ExampleWorkflow[]> {
  const files = readdirSync(`${repoRoot}examples`, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.workflow.ts') && !file.split(/[\\/]/).includes('node_modules'))
    .sort();
  const found: ExampleWorkflow[] = [];
  for (const file of files) {
    const module = (await import(`${repoRoot}examples/${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (isWorkflow(value)) found.push({ source: `${file} ${name}`, compiled: compile(value) });
    }
  }
  return found;
}
