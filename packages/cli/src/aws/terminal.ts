import { styleText } from 'node:util';
import type { Io } from '../io.js';

/**
 * The person at the terminal, if any. On a TTY, commands draw progress and ask before they change
 * or delete things; otherwise they print plain lines and never wait for an answer.
 */
export interface Terminal {
  /** True when stdin and stderr are a terminal. */
  readonly isTTY: boolean;
  /** Asks on stderr and resolves to the line typed. Only asked when `isTTY`. */
  ask(question: string): Promise<string>;
}

/** An Io that may carry its terminal; `run()` callers such as tests give one to act as a person. */
export interface TerminalIo extends Io {
  readonly terminal?: Terminal;
}

/** The Io's terminal, or the process's own. */
export function terminalOf(io: Io): Terminal {
  return (io as TerminalIo).terminal ?? processTerminal();
}

function processTerminal(): Terminal {
  return {
    isTTY: process.stdin.isTTY === true && process.stderr.isTTY === true,
    ask: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const readline = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await readline.question(question);
      } finally {
        readline.close();
      }
    },
  };
}

/** Asks a yes/no question; only "y" or "yes" is a yes. */
export async function confirm(terminal: Terminal, question: string): Promise<boolean> {
  const answer = await terminal.ask(`${question} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

type Style = 'green' | 'red' | 'cyan' | 'dim' | 'bold' | 'yellow';

/** Colour for a terminal, plain text otherwise (so pipes and logs get no escape codes). */
export function painter(terminal: Terminal): (style: Style, text: string) => string {
  return terminal.isTTY ? (style, text) => styleText(style, text) : (_style, text) => text;
}
