import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Loaded with `node --require` into the service's processes when the benchmark profiles them
 * (BENCH_PROFILE=1): the first SIGUSR2 starts the V8 CPU profiler, the second writes the profile to
 * BENCH_CPU_PROFILE_FILE. Signals rather than --cpu-prof because Nest's shutdown hooks end the process
 * by re-raising SIGTERM, and a process killed by a signal never writes its --cpu-prof file; and so that
 * the profile covers the timed run, not the boot.
 */
const out = process.env.BENCH_CPU_PROFILE_FILE;
if (out) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(`${out}.tmp`, JSON.stringify(result.profile));
      renameSync(`${out}.tmp`, out);
    });
  });
}
