/**
 * Duplicate clients: the same normalised phone, email or INN, or the same company name once legal
 * form, quotes, punctuation and case are ignored (ООО «Ромашка» = Ромашка ООО). The index is built
 * once per request from the Clients read and grows as an import adds rows, so duplicates inside one
 * file are caught too.
 */
import { t } from '../i18n';
import type { Client, Lang } from '../types';
import { companyKey, normalizeEmail, normalizeInn, normalizePhone } from '../workbook/normalize';
import type { DuplicateCandidate, DuplicateField } from './types';

export interface ClientKeys {
  name?: string;
  phone?: string;
  email?: string;
  inn?: string;
}

type Indexed = Pick<Client, 'id' | 'name' | 'inn' | 'phone' | 'email' | 'manager' | 'row'>;

export class DuplicateIndex {
  private readonly by: Record<DuplicateField, Map<string, Indexed[]>> = {
    phone: new Map(),
    email: new Map(),
    inn: new Map(),
    name: new Map(),
  };

  constructor(clients: readonly Indexed[] = []) {
    for (const c of clients) this.add(c);
  }

  add(c: Indexed): void {
    const keys = keysOf(c);
    for (const field of Object.keys(keys) as DuplicateField[]) {
      const k = keys[field];
      if (!k) continue;
      const list = this.by[field].get(k);
      if (list) list.push(c);
      else this.by[field].set(k, [c]);
    }
  }

  /** Existing clients that look like the same one, most matching fields first. */
  find(candidate: ClientKeys): DuplicateCandidate[] {
    const keys = keysOf(candidate);
    const hits = new Map<string, DuplicateCandidate>();
    for (const field of ['inn', 'phone', 'email', 'name'] as DuplicateField[]) {
      const k = keys[field];
      if (!k) continue;
      for (const c of this.by[field].get(k) ?? []) {
        let hit = hits.get(c.id);
        if (!hit) {
          hit = {
            clientId: c.id,
            name: c.name,
            inn: c.inn,
            phone: c.phone,
            email: c.email,
            manager: c.manager,
            row: c.row,
            matchedOn: [],
          };
          hits.set(c.id, hit);
        }
        hit.matchedOn.push(field);
      }
    }
    return [...hits.values()].sort(
      (a, b) => b.matchedOn.length - a.matchedOn.length || a.row - b.row,
    );
  }
}

function keysOf(c: ClientKeys): Record<DuplicateField, string> {
  return {
    phone: normalizePhone(c.phone ?? '') ?? '',
    email: normalizeEmail(c.email ?? '') ?? '',
    inn: normalizeInn(c.inn ?? '') ?? '',
    name: companyKey(c.name ?? ''),
  };
}

/** Duplicates of one candidate among clients (one-off use; build a DuplicateIndex for many). */
export function findDuplicates(
  candidate: ClientKeys,
  clients: readonly Indexed[],
): DuplicateCandidate[] {
  return new DuplicateIndex(clients).find(candidate);
}

/**
 * Whether a lead that looks like an existing client may be added to that client without asking
 * (form answers, imports): only on a matching phone, email or INN, and never when the INN or the
 * phone both sides hold differ. A company name alone (two «Ромашка» in two cities) or a conflict
 * makes the lead its own client, flagged as a possible duplicate, with its contacts kept.
 */
export function mergeDecision(lead: ClientKeys, hit: DuplicateCandidate): 'merge' | 'flag' {
  const strong = hit.matchedOn.some((f) => f !== 'name');
  const a = keysOf(lead);
  const b = keysOf(hit);
  const differ = (f: 'inn' | 'phone'): boolean => Boolean(a[f] && b[f] && a[f] !== b[f]);
  return strong && !differ('inn') && !differ('phone') ? 'merge' : 'flag';
}

/** The visible flag a new client gets when it may duplicate another: "possible duplicate of C-…". */
export function duplicateFlag(hit: DuplicateCandidate, lang: Lang): string {
  const fields = hit.matchedOn.map((f) => t(lang, `crm.dupField.${f}`)).join(', ');
  return t(lang, 'crm.possibleDuplicate', { id: hit.clientId, fields });
}
