/**
 * Signals a target process together with its descendants. A target is often a
 * launcher (`sh -c`, `npm start`, `tsx server.ts`) whose server is a grandchild:
 * signalling only the direct child would leave the real server running (or running
 * while "paused"). The tree is read synchronously, so this also works in a process
 * 'exit' handler: /proc on Linux, `ps` elsewhere.
 *
 * Children stay in the harness's process group (not detached), so a Ctrl-C from the
 * terminal still reaches all of them even if the harness could not act.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function parentsFromProc(): Map<number, number> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const parents = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ..." — comm may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // Gone while we looked.
    }
  }
  return parents;
}

function parentsFromPs(): Map<number, number> {
  const parents = new Map<number, number>();
  try {
    const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 2000 });
    for (const line of table.split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      if (pid !== undefined && ppid !== undefined && Number.isInteger(pid)) parents.set(pid, ppid);
    }
  } catch {
    // No ps: only the direct child can be signalled.
  }
  return parents;
}

/** `pid` and every process below it, parents first. */
export function processTree(pid: number): number[] {
  const parents = parentsFromProc() ?? parentsFromPs();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i] && !tree.includes(child)) tree.push(child);
  }
  return tree;
}

/** Sends `signal` to every pid; false when none of them existed any more. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): boolean {
  let any = false;
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
      any = true;
    } catch {
      // Already gone.
    }
  }
  return any;
}
