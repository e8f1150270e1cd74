/**
 * One writing run at a time per repository: a lock folder in the git directory, holding the owner's pid
 * and the run's temporary files (so that a run killed outright leaves none in the work tree). A lock whose
 * owner is no longer alive is stale: the next run removes it, temporary files included.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_NAME = 'oidc-codemod.lock';
/** A lock folder without an owner file yet is being taken; older than this, its taker died. */
const OWNERLESS_GRACE_MS = 10_000;

export class RunInProgressError extends Error {
  override name = 'RunInProgressError';
}

export interface RunLock {
  /** The lock folder: temporary files of this run go here. */
  readonly folder: string;
  release(): void;
}

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(folder: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'owner.json'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** Takes the lock of the repository whose git directory is given, or throws RunInProgressError. */
export function acquireRunLock(gitDirectory: string): RunLock {
  const folder = join(gitDirectory, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(folder);
      let stale: boolean;
      if (owner) stale = owner.host === hostname() && !isAlive(owner.pid);
      else {
        let modified: number;
        try {
          modified = statSync(folder).mtimeMs;
        } catch {
          continue; // removed meanwhile: try again
        }
        stale = Date.now() - modified > OWNERLESS_GRACE_MS;
      }
      if (!stale) {
        throw new RunInProgressError(
          owner
            ? `another oidc-codemod run (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.started}) is in progress in this repository; wait for it to finish`
            : 'another oidc-codemod run is starting in this repository; wait for it to finish',
        );
      }
      // Moved aside first, so that two runs clearing the same stale lock do not remove each other's new one.
      const aside = `${folder}.stale-${process.pid}-${Date.now()}`;
      try {
        renameSync(folder, aside);
        rmSync(aside, { recursive: true, force: true });
      } catch {
        // Another run cleared it first.
      }
      continue;
    }
    const owner: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    writeFileSync(join(folder, 'owner.json'), JSON.stringify(owner));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release);
      rmSync(folder, { recursive: true, force: true });
    };
    // A run that ends by process.exit (a second Ctrl-C) still leaves no lock behind.
    process.on('exit', release);
    return { folder, release };
  }
  throw new RunInProgressError('another oidc-codemod run keeps taking the lock of this repository; wait for it to finish');
}
