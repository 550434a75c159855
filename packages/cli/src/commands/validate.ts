import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '@typestep/compiler';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { formatProblem, jsonText, plural } from '../report.js';
import type { AwsOptions } from '../aws/aws-options.js';

export interface ValidateCommandOptions {
  /** A JSON object whose keys are the substitutions the definitions may (and must) use. */
  readonly substitutions?: string;
  readonly output: 'text' | 'json';
  /** Also ask Step Functions' ValidateStateMachineDefinition, with these connection options. */
  readonly remote?: AwsOptions;
}

/** What ValidateStateMachineDefinition said of one file. */
interface RemoteResult {
  readonly result: string;
  readonly diagnostics: readonly { readonly severity?: string; readonly code?: string; readonly message?: string; readonly location?: string }[];
}

type FileResult =
  | { readonly file: string; readonly valid: boolean; readonly diagnostics: readonly Diagnostic[]; readonly remote?: RemoteResult }
  | { readonly file: string; readonly valid: false; readonly error: string };

/**
 * `typestep validate FILE.asl.json…`: checks hand-written (or generated) ASL with the compiler's
 * rules. `${Placeholder}`s are allowed; with `--substitutions`, every placeholder must be in the map
 * and every entry of the map must be used. Exit 0 when every file is valid, 1 when any has
 * diagnostics, 2 when a file (or the substitutions file) cannot be read.
 */
export async function validate(files: readonly string[], options: ValidateCommandOptions, io: Io): Promise<number> {
  const substitutions = options.substitutions === undefined ? undefined : await readSubstitutions(options.substitutions, io.cwd);
  const { validateDefinitionText, formatDiagnostic } = await import('@typestep/compiler');

  const results: FileResult[] = [];
  /** The text of each readable file, by its result's index: what --remote sends. */
  const texts = new Map<number, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      results.push({ file, valid: false, error: `cannot read ${file}: ${reason(error)}` });
      continue;
    }
    const diagnostics = validateDefinitionText(text, { workflow: file, ...(substitutions && { substitutions }) });
    texts.set(results.push({ file, valid: diagnostics.length === 0, diagnostics }) - 1, text);
  }
  if (options.remote) {
    const failed = await validateRemotely(results, texts, options.remote, io);
    if (failed !== undefined) return failed;
  }

  const unreadable = results.some((r) => 'error' in r);
  const code = unreadable ? EXIT_USAGE : results.every((r) => r.valid) ? EXIT_OK : EXIT_PROBLEMS;
  if (options.output === 'json') {
    io.stdout(jsonText({ valid: code === EXIT_OK, files: results }));
    return code;
  }
  for (const result of results) {
    if ('error' in result) {
      io.stderr(`typestep: ${result.error}\n`);
    } else {
      for (const d of result.diagnostics) io.stderr(`${formatProblem(d, formatDiagnostic)}\n\n`);
      for (const d of result.remote?.diagnostics ?? []) {
        io.stderr(`${result.file}: ${d.severity ?? 'ERROR'} ${d.code ?? ''} (Step Functions): ${d.message ?? ''}${d.location ? ` at ${d.location}` : ''}\n\n`);
      }
      const problems = result.diagnostics.length + (result.remote?.diagnostics.length ?? 0);
      io.stdout(result.valid ? `${result.file}: valid${result.remote ? ' (and by Step Functions)' : ''}\n` : `${result.file}: ${plural(problems, 'problem')}\n`);
    }
  }
  return code;
}

/**
 * Sends each readable file to ValidateStateMachineDefinition; a FAIL result, or any diagnostic,
 * makes the file invalid. Returns an exit code only when Step Functions could not be asked.
 */
async function validateRemotely(results: FileResult[], texts: ReadonlyMap<number, string>, options: AwsOptions, io: Io): Promise<number | undefined> {
  const { withStepFunctions } = await import('../aws/with-step-functions.js');
  let asked = false;
  const code = await withStepFunctions('validate', options, io, async ({ sfn }) => {
    for (const [index, definition] of texts) {
      const result = results[index]!;
      if ('error' in result) continue;
      const answer = await sfn.validateStateMachineDefinition({ definition });
      const remote: RemoteResult = { result: answer.result ?? 'FAIL', diagnostics: answer.diagnostics ?? [] };
      results[index] = { ...result, valid: result.valid && remote.result === 'OK' && remote.diagnostics.length === 0, remote };
    }
    asked = true;
    return EXIT_OK;
  });
  return asked ? undefined : code;
}

async function readSubstitutions(file: string, cwd: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the substitutions file ${file}: ${reason(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the substitutions file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      `the substitutions file ${file} must be a JSON object keyed by substitution name (a <Name>.substitutions.json, or SAM's DefinitionSubstitutions)`,
    );
  }
  return parsed as Record<string, unknown>;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
