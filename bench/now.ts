// The benchmark's "now", in a module of its own: the measured bot process imports nothing else of bench/.
export const BENCH_NOW = new Date('2026-11-20T10:00:00+08:00')
