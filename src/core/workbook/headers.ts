/**
 * Finds a table's columns by header text, so users may reorder columns, add their own, and write
 * headers in Russian or English. Pure: the shell passes the header row it read.
 */
import type { ColumnDef } from './schema';

/** Headers and enumeration cells repeat a few texts over thousands of rows: normalise each once. */
const normalized = new Map<string, string>();

export function normalizeHeader(text: unknown): string {
  if (typeof text !== 'string') return normalize(text);
  let n = normalized.get(text);
  if (n === undefined) {
    if (normalized.size >= 4096) normalized.clear(); // bounded: free text passes here too
    normalized.set(text, (n = normalize(text)));
  }
  return n;
}

function normalize(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[*:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface HeaderMap {
  /** Column key -> 0-based index in the row. Optional columns that are absent are not present. */
  index: Record<string, number>;
  /** Required columns that were not found. */
  missing: ColumnDef[];
  /** 0-based indexes of columns that map to no known key (user columns; kept as they are). */
  extra: number[];
}

export function mapHeaders(header: readonly unknown[], columns: readonly ColumnDef[]): HeaderMap {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !positions.has(n)) positions.set(n, i);
  });
  const index: Record<string, number> = {};
  const used = new Set<number>();
  const missing: ColumnDef[] = [];
  for (const c of columns) {
    const names = [c.ru, c.en, ...(c.aliases ?? [])].map(normalizeHeader);
    const found = names.map((n) => positions.get(n)).find((i) => i !== undefined && !used.has(i));
    if (found === undefined) {
      if (c.required) missing.push(c);
      continue;
    }
    index[c.key] = found;
    used.add(found);
  }
  const extra = header.map((_, i) => i).filter((i) => !used.has(i) && normalizeHeader(header[i]));
  return { index, missing, extra };
}
