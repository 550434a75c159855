/**
 * Exit codes, as the AWS CLI uses them: 0 success, 1 the command ran and found problems
 * (diagnostics, a workflow module that throws, duplicate names), 2 the command could not run as
 * given (bad arguments or options, a missing or unreadable input file, an invalid config file).
 */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Thrown for usage errors and unreadable input: reported as `typestep: <message>`, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
