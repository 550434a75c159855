import { appendFileSync, closeSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { journalRecord, type JournalRecord } from './records.js';

const FILE = 'journal.jsonl';

/**
 * The data folder's append-only log: one JSON record per line, written synchronously as each change
 * happens, so a killed process loses at most the line it was writing. A torn last line (no newline)
 * is that line, and is dropped on reading.
 */
export class Journal {
  readonly #fd: number;

  private constructor(readonly path: string) {
    this.#fd = openSync(path, 'a');
  }

  /**
   * Reads the folder's journal, then rewrites it compacted to `records(history)` (temp file, fsync,
   * rename: a crash leaves the old file or the new one, never half of each) and opens it for appending.
   */
  static open(dataDir: string, compact: (history: JournalRecord[]) => JournalRecord[]): Journal {
    const path = join(dataDir, FILE);
    const history = readJournal(path);
    const temporary = `${path}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      appendFileSync(fd, compact(history).map(line).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    return new Journal(path);
  }

  append(record: JournalRecord): void {
    appendFileSync(this.#fd, line(record));
  }

  close(): void {
    closeSync(this.#fd);
  }
}

function line(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function readJournal(path: string): JournalRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  // The last element is '' after a complete last line, or the torn line a killed process left.
  lines.pop();
  return lines.map((text, index) => {
    const damaged = (why: string) =>
      new Error(`${path}:${index + 1}: ${why}. The journal is damaged or was written by another program; move it away to start the endpoint with an empty data folder.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw damaged(`not valid JSON (${(error as Error).message})`);
    }
    const parsed = journalRecord.safeParse(value);
    if (!parsed.success) throw damaged(`not a journal record (${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ')})`);
    return parsed.data;
  });
}
