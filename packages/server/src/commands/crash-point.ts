/**
 * TEST ONLY: when ALTITUDE_TEST_CRASH_AT names this step, the process kills
 * itself here (SIGKILL: no cleanup, no buffered output), as a power cut
 * between two writes would. The release and static-build tests use it to
 * prove that every step leaves the old state or the new one. Unset, it does
 * nothing.
 */
export function crashPoint(step: string): void {
  if (process.env.ALTITUDE_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}
