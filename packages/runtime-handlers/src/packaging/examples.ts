import { isWorkflow } from '@typestep/dsl';
import { compile, formatDiagnostic, type CompileResult } from '@typestep/compiler';
import { pathToFileURL } from 'node:url';

/**
 * Compiles every workflow a module exports (the example folders' `*.workflow.ts`), as
 * `typestep build` does; a workflow with a diagnostic stops the packaging.
 */
export async function compileWorkflowModule(file: string): Promise<CompileResult[]> {
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const results = Object.values(module).filter(isWorkflow).map((workflow) => compile(workflow));
  const problems = results.flatMap((result) => result.diagnostics.map(formatDiagnostic));
  if (problems.length > 0) throw new Error(`packaging: ${file} does not compile:\n${problems.join('\n')}`);
  return results;
}
