// An embedded database is a whole PostgreSQL writing its own files: two processes opening one data directory
// corrupt it (seen: a second `luoshi demo` started while the first still served left the directory unreadable).
// The first process to open a directory holds it; another is refused while the holder lives, and takes a lock
// whose holder is gone (killed, power cut).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {
  readonly code = 'DB_IN_USE';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `DB_IN_USE:内置数据库目录 ${dir} 正被另一个进程(PID ${pid})使用。同一目录只能由一个进程打开,请先停止该进程;需要多个实例时请设置 DATABASE_URL 使用 PostgreSQL 服务器`,
    );
  }
}

/** this process's opens of each directory: a second handle in the same process shares the lock */
const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists under another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function removeIfOurs(file: string) {
  try {
    if (ownerOf(file) === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

let exitHook = false;

/** Takes the directory for this process; the returned function gives it back (once per take). */
export function lockDataDir(dir: string): () => void {
  // beside the directory, not in it: PostgreSQL's initdb wants an empty directory for a new database
  const file = path.join(path.dirname(dir), `${path.basename(dir)}.luoshi.lock`);
  const release = () => {
    const n = (held.get(file) ?? 1) - 1;
    if (n > 0) held.set(file, n);
    else {
      held.delete(file);
      removeIfOurs(file);
    }
  };
  if (held.has(file)) {
    held.set(file, held.get(file)! + 1);
    return once(release);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.set(file, 1);
      if (!exitHook) {
        exitHook = true;
        process.on('exit', () => {
          for (const f of held.keys()) removeIfOurs(f);
        });
      }
      return once(release);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = ownerOf(file);
      if (pid !== null && pid !== process.pid && alive(pid)) throw new DataDirInUseError(dir, pid);
      // a holder that is gone (or a file cut short while written): take the directory over
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first: the next attempt sees its lock
      }
    }
  }
  throw new DataDirInUseError(dir, ownerOf(file) ?? 0);
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    f();
  };
}
