// One process owns one PGlite data folder: two would corrupt it. The owner writes its pid to
// `server.lock`; a lock whose process is gone (killed, crashed) is stale and is taken over.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class FolderLockedError extends Error {
  override name = 'FolderLockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock (creating the folder); answers the function that releases it. */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || alive(pid))) {
        throw new FolderLockedError(
          `${dir} is in use by another server (pid ${pid}). Stop it, or start this one with --data on another folder.`,
        );
      }
      // Stale: its owner is gone.
      await rm(file, { force: true });
    }
  }
  throw new FolderLockedError(`Could not lock ${dir}.`);
}
