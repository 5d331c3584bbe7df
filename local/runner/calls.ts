/**
 * `--calls`: the service calls one execution made, by method, as the playground's Executions view
 * counts them (the emulator's call counter before and after the execution). Each is a round trip
 * in Apps Script, so this is the number to watch when a change touches how a method reads.
 * Pure, so it is tested directly.
 */
export type CallCounts = Readonly<Record<string, number>>;

/** The calls made between two snapshots of the emulator's counter (`calls.byMethod()`). */
export function callsBetween(before: CallCounts, after: CallCounts): Record<string, number> {
  const made: Record<string, number> = {};
  for (const [name, n] of Object.entries(after)) {
    const d = n - (before[name] ?? 0);
    if (d > 0) made[name] = d;
  }
  return made;
}

/** One line per method, most-called first, then `total`; names padded so counts line up. */
export function formatCalls(fn: string, calls: CallCounts): string {
  const rows = Object.entries(calls).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const width = Math.max(5, ...rows.map(([name]) => name.length));
  const line = (name: string, n: number) => `  ${name.padEnd(width)} ${String(n).padStart(6)}\n`;
  return (
    `service calls of ${fn}:\n` +
    rows.map(([name, n]) => line(name, n)).join('') +
    line('total', total)
  );
}
