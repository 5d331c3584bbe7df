/**
 * onEdit rule: a client typed by hand into the Clients sheet is checked for duplicates too. It
 * reads only the key columns (id, name, phone, email, INN: five column reads, about 50,000 cells
 * at 10,000 clients, well within a simple trigger's limits) and flags a possible duplicate with a
 * note on the client's name naming the other client's id. Only its own notes are set or cleared.
 */
import { t } from '../../../core/i18n';
import { DuplicateIndex, duplicateFlag } from '../../../core/crm/duplicates';
import type { Lang } from '../../../core/types';
import { readColumnDown, updateNotes } from '../../../gas/sheets/blocks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ClientEdit {
  sheet: Sheet;
  /** Column (0-based) of each key in the sheet. */
  index: Record<string, number | undefined>;
  headerRow: number;
  /** Sheet row of values[0]. */
  firstRow: number;
  values: unknown[][];
  edited: ReadonlySet<string>;
}

const KEYS = ['name', 'phone', 'email', 'inn'] as const;

/** Whether a note is one this rule wrote (in either language): the flag's text up to the id. */
const PREFIXES = (['ru', 'en'] as const).map(
  (lang) => t(lang, 'crm.possibleDuplicate', { id: '\u0000', fields: '' }).split('\u0000')[0],
);
const ours = (note: string): boolean => PREFIXES.some((p) => note.startsWith(p));

export function flagClientDuplicates(b: ClientEdit, lang: Lang): void {
  const nameCol = b.index.name;
  if (nameCol === undefined || !KEYS.some((k) => b.edited.has(k))) return;
  const start = b.headerRow + 1;
  const column = (key: string): unknown[] => {
    const c = b.index[key];
    return c === undefined ? [] : readColumnDown(b.sheet, start, c + 1);
  };
  const [ids, names, phones, emails, inns] = ['id', ...KEYS].map(column);
  const text = (list: unknown[], i: number): string => {
    const v = list[i];
    return v === undefined || v === null ? '' : String(v);
  };
  const index = new DuplicateIndex();
  for (let i = 0; i < names.length; i++) {
    const id = text(ids, i);
    if (!id) continue;
    index.add({
      row: start + i,
      id,
      name: text(names, i),
      phone: text(phones, i),
      email: text(emails, i),
      inn: text(inns, i),
      manager: '',
    });
  }
  const wanted = b.values.map((row, r) => {
    const cell = (key: string): string => {
      const c = b.index[key];
      return c === undefined || row[c] === undefined ? '' : String(row[c]);
    };
    const self = b.firstRow + r;
    const hit = index
      .find({ name: cell('name'), phone: cell('phone'), email: cell('email'), inn: cell('inn') })
      .find((h) => h.row !== self);
    return hit ? duplicateFlag(hit, lang) : '';
  });
  updateNotes(b.sheet, b.firstRow, nameCol + 1, b.values.length, (current) => {
    let changed = false;
    const next = current.map((row, i) => {
      const note = String(row[0] ?? '');
      const want = wanted[i] || (ours(note) ? '' : note);
      if (want !== note) changed = true;
      return [want];
    });
    return changed ? next : null;
  });
}
