import { run } from '@typestep/cli';
import type { TerminalIo } from '../../../src/aws/terminal.js';
import { REPO, type CliResult } from '../../support/run-cli.js';

/** A person at a terminal who answers each question with the next of `answers`. */
export interface FakeTerminal {
  readonly answers: string[];
  /** The questions asked, in order. */
  readonly questions: string[];
}

export function personAtTerminal(...answers: string[]): FakeTerminal {
  return { answers, questions: [] };
}

/**
 * Runs `typestep …argv` in-process, as a script would (no terminal: nothing can be asked), or as a
 * person at a terminal would. Like `runCli`, it lifts vitest's Error.prepareStackTrace while the
 * command runs, so that the workflows `push` builds get their places from Node's source maps.
 */
export async function typestep(argv: readonly string[], options: { cwd?: string; terminal?: FakeTerminal } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const person = options.terminal;
  const io: TerminalIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? REPO,
    terminal: {
      isTTY: person !== undefined,
      ask: async (question) => {
        if (!person) throw new Error(`asked "${question}" with no terminal`);
        person.questions.push(question);
        const answer = person.answers.shift();
        if (answer === undefined) throw new Error(`asked "${question}", and the test has no more answers`);
        return answer;
      },
    },
  };
  const vitestPrepareStackTrace = Error.prepareStackTrace;
  Reflect.deleteProperty(Error, 'prepareStackTrace');
  try {
    const code = await run(argv, io);
    return { code, stdout, stderr };
  } finally {
    Error.prepareStackTrace = vitestPrepareStackTrace;
  }
}
