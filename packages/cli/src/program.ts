import { Command, CommanderError, Option } from 'commander';
import { registerAwsCommands } from './aws/register-commands.js';
import { registerGraphCommand } from './commands/graph.js';
import { registerLocalCommand } from './commands/local.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './exit-codes.js';
import type { Io } from './io.js';
import { cliVersion } from './version.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the command ran and found problems: any diagnostic (error or warning), a workflow
     module that throws, two workflows with one name
  2  usage error: bad arguments or options, a missing or unreadable input file, an invalid
     typestep.config.json`;

const outputOption = () =>
  new Option('--output <format>', 'text for people, json for machines (diagnostics as a list)').choices(['text', 'json']).default('text');

/**
 * Runs the `typestep` command line in-process: `argv` without node and the script
 * (`['build', '--out', 'x']`). Resolves to the exit code; never calls `process.exit`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('typestep')
    .description('Typed TypeScript workflows for AWS Step Functions: build them to ASL, validate ASL.')
    .version(cliVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run "typestep --help" for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('build')
    .summary("compile the project's workflows to <Name>.asl.json and <Name>.substitutions.json")
    .description(
      [
        "Compiles every workflow exported by the project's workflow modules and writes <Name>.asl.json and <Name>.substitutions.json for each into the output folder.",
        '',
        'Workflow modules: the "workflows" glob patterns of typestep.config.json at the project root, e.g.',
        '  { "workflows": ["examples/**/*.workflow.ts"], "outDir": "out/asl" }',
        'or, without a config file, every **/*.workflow.ts outside node_modules, dist and out, written to out/asl. Every export that is a workflow (a chain started with workflow(name, …)) is compiled; other exports are ignored. Workflow names must be unique in the project.',
        '',
        "All or nothing: if any workflow has a diagnostic, a module throws while loading or two workflows share a name, every problem is listed, nothing is written, the previous build's files are removed from the output folder, and the exit code is 1.",
      ].join('\n'),
    )
    .option('-p, --project <dir>', 'the project root (where typestep.config.json is)', '.')
    .option('-o, --out <dir>', 'the output folder, overriding the config\'s "outDir"')
    .addOption(outputOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options: { project: string; out?: string; output: 'text' | 'json' }) => {
      const { build } = await import('./commands/build.js');
      exitCode = await build({ project: options.project, ...(options.out !== undefined && { out: options.out }), output: options.output }, io);
    });

  program
    .command('validate')
    .summary('check Amazon States Language files with the compiler\'s rules')
    .description(
      [
        "Checks each ASL file (hand-written or generated) with the rules the compiler applies to its own output, and reports every problem with its place (file:line:col) and state path. Duplicate keys in the JSON are reported too.",
        '',
        '${Placeholder} values are allowed. With --substitutions, every placeholder must be in the map and every entry of the map must be used.',
        '',
        'Prints "FILE: valid" for each valid file.',
        '',
        "With --remote, each file is also sent to Step Functions' ValidateStateMachineDefinition (AWS, or --endpoint-url / --local) and its diagnostics are reported after the local ones.",
      ].join('\n'),
    )
    .argument('<files...>', 'ASL definition files (JSON)')
    .option('-s, --substitutions <file>', 'a JSON object keyed by substitution name (<Name>.substitutions.json, or SAM DefinitionSubstitutions)')
    .option('--remote', "also ask Step Functions' ValidateStateMachineDefinition")
    .option('--region <region>', 'with --remote: the AWS region')
    .option('--profile <name>', 'with --remote: a profile of the shared AWS config')
    .addOption(new Option('--endpoint-url <url>', 'with --remote: this Step Functions endpoint instead of AWS\'s').conflicts('local'))
    .option('--local', 'with --remote: the endpoint "typestep local" serves')
    .addOption(outputOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], options: { substitutions?: string; output: 'text' | 'json'; remote?: boolean; region?: string; profile?: string; endpointUrl?: string; local?: boolean }) => {
      const { validate } = await import('./commands/validate.js');
      const { substitutions, remote, output, ...aws } = options;
      exitCode = await validate(files, { ...(substitutions !== undefined && { substitutions }), output, ...(remote && { remote: { ...aws, output } }) }, io);
    });

  registerGraphCommand(program, io, (code) => (exitCode = code));
  registerLocalCommand(program, io, (code) => (exitCode = code));
  registerAwsCommands(program, io, (code) => (exitCode = code));

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError(`(run "typestep ${command.name()} --help" for usage)`);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0; `typestep` alone shows help and is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`typestep: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isFileSystemError(error)) {
      // The folder or file could not be read or written (not a directory, permissions, disk full…).
      io.stderr(`typestep: ${error.message}\n`);
      return EXIT_PROBLEMS;
    }
    io.stderr(`typestep: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_PROBLEMS;
  }
}

const FILE_SYSTEM_CODES = new Set(['EEXIST', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOENT', 'EBUSY']);

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && FILE_SYSTEM_CODES.has((error as NodeJS.ErrnoException).code ?? '') && 'syscall' in error;
}
