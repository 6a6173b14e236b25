import { readFileSync } from 'node:fs';

/**
 * Peak resident memory of another process (a peer such as jq), sampled from the OS while it
 * runs. `VmHWM` is the process's own high-water mark, so a sample taken shortly before it exits
 * already holds almost all of its peak; the last sample is what is reported.
 */
export function sampleChildPeakRss(pid: number | undefined, everyMs = 50): { stop(): number } {
  let peakKb = 0;
  const read = () => {
    if (pid === undefined) return;
    try {
      const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm?.[1]) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // gone already, or not Linux: keep what was seen
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}
