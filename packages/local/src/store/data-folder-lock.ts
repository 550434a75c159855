import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'endpoint.pid';

/**
 * One endpoint per data folder: two processes appending to one journal would interleave their
 * records. The lock is a file holding the owner's process id; a lock left by a process that no
 * longer runs (killed, crashed) is taken over.
 */
export class DataFolderLock {
  private constructor(readonly path: string) {}

  static acquire(dataDir: string): DataFolderLock {
    const path = join(dataDir, FILE);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
        return new DataFolderLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && isRunning(owner)) {
        throw new Error(
          `The data folder ${dataDir} is in use by another local endpoint (process ${owner}). Stop that process, or start this one with another data folder.`,
        );
      }
      unlinkSync(path);
    }
    throw new Error(`Could not lock the data folder ${dataDir}: ${path} keeps reappearing. Is another local endpoint starting on it?`);
  }

  release(): void {
    try {
      unlinkSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
