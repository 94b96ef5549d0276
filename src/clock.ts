// The one clock. Live it is the machine's clock; under `simulate` and in tests the same
// calls read @sinonjs/fake-timers, which is installed before anything else is imported.
export function now(): Date {
  return new Date(Date.now())
}
