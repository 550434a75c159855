import { zipSync, type Zippable } from 'fflate';

/** 1980-01-01, the earliest time a zip can hold: the same files give the same zip bytes. */
const FIXED_TIME = new Date(1980, 0, 1);
/** Unix `-rw-r--r--`: Lambda needs its code readable by the user it runs as. */
const UNIX = 3;
const READABLE = 0o100644 * 2 ** 16;

/** A zip of the files (path → bytes), in path order, with fixed timestamps and modes. */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) entries[path] = [files.get(path)!, { mtime: FIXED_TIME, level: 9, os: UNIX, attrs: READABLE }];
  return zipSync(entries);
}
