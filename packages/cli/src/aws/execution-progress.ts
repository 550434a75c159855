import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Io } from '../io.js';
import { eventSummary } from './format.js';
import { painter, type Terminal } from './terminal.js';

/**
 * Live progress of an execution on stderr, from its history events: each state as it is entered
 * and exited, and each failure inside it. On a TTY the lines are marked and coloured and a status line
 * below them says what is running; otherwise they are plain lines, fit for logs:
 *
 *     entered  Check Stock Value
 *     exited   Check Stock Value
 *     failed   TaskFailed: States.TaskFailed: …
 */
export class ExecutionProgress {
  readonly #paint;
  #running: string | undefined;
  #events = 0;

  constructor(
    private readonly io: Io,
    private readonly terminal: Terminal,
    private readonly execution: string,
  ) {
    this.#paint = painter(terminal);
  }

  event(event: HistoryEvent): void {
    this.#events += 1;
    const type = event.type ?? '';
    const summary = eventSummary(event);
    if (type.endsWith('StateEntered')) {
      this.#running = summary;
      this.#line(this.terminal.isTTY ? `${this.#paint('cyan', '▶')} ${summary}` : `entered  ${summary}`);
    } else if (type.endsWith('StateExited')) {
      this.#line(this.terminal.isTTY ? `${this.#paint('green', '✔')} ${summary}` : `exited   ${summary}`);
    } else if (/(Failed|TimedOut|Aborted)$/.test(type) && !type.startsWith('Execution')) {
      // How the execution itself ended is reported once, after the progress.
      const what = summary === '' ? type : `${type}: ${summary}`;
      this.#line(this.terminal.isTTY ? `${this.#paint('red', '✖')} ${what}` : `failed   ${what}`);
    }
    this.#status();
  }

  /** Clears the status line (TTY). */
  done(): void {
    if (this.terminal.isTTY) this.io.stderr('\r\x1b[2K');
  }

  #line(text: string): void {
    if (this.terminal.isTTY) this.io.stderr('\r\x1b[2K');
    this.io.stderr(`${text}\n`);
  }

  #status(): void {
    if (!this.terminal.isTTY) return;
    const at = this.#running === undefined ? '' : `, last entered ${this.#running}`;
    this.io.stderr(this.#paint('dim', `… ${this.execution}: ${this.#events} events${at}`));
  }
}
