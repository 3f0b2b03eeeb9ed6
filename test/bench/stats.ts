/** Timing helpers for benchmarks: warm up, then the median of many runs (this machine is noisy). */
export function measure(
  fn: () => void,
  opts: { warmup?: number; runs?: number } = {},
): { median: number; p90: number; runs: number } {
  const warmup = opts.warmup ?? 20;
  const runs = opts.runs ?? 200;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p90: times[Math.floor(runs * 0.9)]!, runs };
}

export function ms(x: number): string {
  return x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(2)} ms`;
}

/** Median and 95th percentile of a sample (nearest rank; the input is not modified). */
export function spread(values: readonly number[]): { median: number; p95: number; n: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), n: s.length };
}
