/**
 * Who a "manager" cell means. CRM exports (amoCRM, Bitrix24: «Ответственный») write a person's
 * name where the workbook writes an email; both must land on the same manager, or the figures
 * split into a name row and an email row that each look plausible. A cell is resolved through the
 * Managers sheet by email, by name (either word order, any case, ё = е), or by the email's local
 * part; what does not resolve keeps its own row under the text as written and is reported.
 */
import { t } from '../i18n';
import type { Lang, Manager } from '../types';

export interface ManagerKey {
  /** The manager's email (lower-case) when resolved; else the cell's trimmed text. */
  key: string;
  /** 'known': on the Managers sheet; 'unknown': not on it; 'ambiguous': a name two people share. */
  status: 'known' | 'unknown' | 'ambiguous';
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

const AMBIGUOUS = '\u0000';
const BLANK: ManagerKey = { key: '', status: 'known' };

export class ManagerDirectory {
  /** Normalised email, name, reversed name, email's local part -> email (AMBIGUOUS when shared). */
  private readonly names = new Map<string, string>();
  /** Cache by the raw cell text: thousands of deals share a few dozen manager cells. */
  private readonly raw = new Map<string, ManagerKey>();
  readonly byEmail = new Map<string, Manager>();

  constructor(readonly managers: readonly Manager[]) {
    for (const m of managers) {
      const email = norm(m.email);
      if (!email) continue;
      this.byEmail.set(email, m);
      this.names.set(email, email);
    }
    const add = (alias: string, email: string): void => {
      if (!alias || this.byEmail.has(alias)) return;
      const had = this.names.get(alias);
      this.names.set(alias, had === undefined || had === email ? email : AMBIGUOUS);
    };
    for (const m of managers) {
      const email = norm(m.email);
      if (!email) continue;
      const name = norm(m.name);
      add(name, email);
      const words = name.split(' ');
      if (words.length === 2) add(`${words[1]} ${words[0]}`, email);
      add(email.split('@')[0], email);
    }
  }

  resolve(cell: string): ManagerKey {
    const hit = this.raw.get(cell);
    if (hit) return hit;
    const text = typeof cell === 'string' ? cell.trim() : String(cell ?? '').trim();
    let out: ManagerKey;
    if (!text) out = BLANK;
    else {
      const found = this.names.get(norm(text));
      out =
        found === undefined
          ? { key: text.includes('@') ? text.toLowerCase() : text, status: 'unknown' }
          : found === AMBIGUOUS
            ? { key: text, status: 'ambiguous' }
            : { key: found, status: 'known' };
    }
    if (this.raw.size < 4096) this.raw.set(cell, out);
    return out;
  }

  /** The email a cell means, or the cell's own text when it is not on the Managers sheet. */
  keyOf(cell: string): string {
    return this.resolve(cell).key;
  }
}

const directories = new WeakMap<readonly Manager[], ManagerDirectory>();

/** One directory per Managers list (lists read for a job are not changed in place). */
export function directoryOf(managers: readonly Manager[]): ManagerDirectory {
  let d = directories.get(managers);
  if (!d) directories.set(managers, (d = new ManagerDirectory(managers)));
  return d;
}

/**
 * What a person reads as a manager's row: the name, and where two managers share that name
 * (the demo has two «Иван Козлов») the team, or the email when the team does not tell them apart.
 */
export function managerLabels(managers: readonly Manager[]): Map<string, string> {
  const byName = new Map<string, Manager[]>();
  for (const m of managers) {
    const n = norm(m.name);
    if (!n || !m.email.trim()) continue;
    const list = byName.get(n) ?? [];
    list.push(m);
    byName.set(n, list);
  }
  const out = new Map<string, string>();
  for (const m of managers) {
    const email = norm(m.email);
    if (!email) continue;
    const name = m.name.trim();
    const twins = byName.get(norm(m.name)) ?? [];
    if (!name) out.set(email, m.email.trim());
    else if (twins.length < 2) out.set(email, name);
    else {
      const team = m.team.trim();
      const teamTells = team && twins.filter((x) => norm(x.team) === norm(team)).length === 1;
      out.set(email, teamTells ? `${name} (${team})` : `${name} (${m.email.trim()})`);
    }
  }
  return out;
}

const labelCache = new WeakMap<readonly Manager[], Map<string, string>>();

export function labelsOf(managers: readonly Manager[]): Map<string, string> {
  let l = labelCache.get(managers);
  if (!l) labelCache.set(managers, (l = managerLabels(managers)));
  return l;
}

/**
 * The key every per-manager figure counts a manager cell under: the email when the Managers sheet
 * knows the cell (email, name, alias), else the text as written. KPI, discipline and receivables
 * use it exactly as plan-fact does, so a name and an email of one person are one row.
 */
export function managerKeys(managers: readonly Manager[]): (cell: string) => string {
  const d = directoryOf(managers);
  return (cell) => d.keyOf(cell);
}

/** Cells the Managers sheet does not resolve, as written and sorted, for a figure's note. */
export interface UnresolvedManagers {
  unknown: string[];
  ambiguous: string[];
}

export function unresolvedManagers(
  managers: readonly Manager[],
  cells: Iterable<string>,
): UnresolvedManagers {
  const unknown = new Set<string>();
  const ambiguous = new Set<string>();
  // Without a Managers sheet there is nothing to resolve against, so nobody is "unknown".
  if (!managers.length) return { unknown: [], ambiguous: [] };
  const d = directoryOf(managers);
  for (const cell of cells) {
    const r = d.resolve(cell);
    if (r.status === 'unknown') unknown.add(r.key);
    else if (r.status === 'ambiguous') ambiguous.add(r.key);
  }
  return { unknown: [...unknown].sort(), ambiguous: [...ambiguous].sort() };
}

/** The note lines a figure carries for unresolved manager cells (as plan-fact's notes read). */
export function managerNotes(u: UnresolvedManagers, lang: Lang): string[] {
  const out: string[] = [];
  if (u.unknown.length)
    out.push(t(lang, 'an.note.unknownManagers', { list: u.unknown.join(', ') }));
  if (u.ambiguous.length)
    out.push(t(lang, 'an.note.ambiguousManagers', { list: u.ambiguous.join(', ') }));
  return out;
}
