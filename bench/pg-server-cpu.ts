/**
 * CPU time the local PostgreSQL server's processes have used, read from /proc: the import benchmark reports
 * the server's CPU a talent beside the importing process's own, since on two cores the two compete.
 * Only processes named `postgres` that this user can read are counted; null where there are none (another
 * machine's server, or no /proc), so that no figure is reported rather than a wrong one. A process that
 * starts or ends between two reads (a backend, autovacuum) counts only for the part it was seen in.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second: 100 on Linux for the fields of /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

/** Sum of user and system time, in ms, of every visible `postgres` process; null when none is visible. */
export function pgServerCpuMs(): number | null {
  let ticks = 0;
  let seen = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile, or not ours to read
    }
    // The command name is in parentheses and may hold spaces: the fields are counted after its last ')'.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    // Fields 14 and 15 of stat(5) (utime, stime) are the 12th and 13th after the name.
    ticks += Number(fields[11]) + Number(fields[12]);
    seen++;
  }
  return seen === 0 ? null : (ticks * 1000) / TICKS_PER_SECOND;
}
