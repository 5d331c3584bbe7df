/**
 * The seal of a head's discount approval (issue #15). The Deal lines sheet is open to managers
 * (their own sidebar saves write it), so the word «Согласовано» in a cell proves nothing: a line
 * counts as approved only when its seal, an HMAC written by the approve action, matches the line
 * as it is now. The key lives where the script alone can read it (src/gas/seal.ts); here the HMAC
 * is injected, so this stays pure.
 */
import type { DealLine } from './lines';

/** HMAC-SHA256 of the message under the document's key, as text; null when there is no key. */
export type Hmac = (message: string) => string | null;

/** Whether a line's seal matches it (an "approved" status is checked separately). */
export type SealCheck = (l: DealLine) => boolean;

const VERSION = 'v1';

/**
 * What the head approved, in one unambiguous string: the line's deal, product, quantity, prices,
 * discount and currency, and who approved it when. Money in kopecks, the discount to 6 places and
 * the time to the second, so the sheet's round trip (roubles, percent, a date cell) keeps it equal.
 */
export function sealMessage(l: DealLine): string {
  const kopecks = (v: number | null) => (v === null ? null : Math.round(v));
  return JSON.stringify([
    VERSION,
    l.dealId.trim().toUpperCase(),
    l.product.trim(),
    l.quantity,
    kopecks(l.listPrice),
    kopecks(l.price),
    l.discount === null ? null : l.discount.toFixed(6),
    l.currency.trim().toUpperCase(),
    l.approvedBy.trim().toLowerCase(),
    l.approvedAt === null ? null : Math.round(l.approvedAt / 1000),
  ]);
}

/** The seal to write with an approval; null when the document has no key. */
export function signLine(l: DealLine, hmac: Hmac): string | null {
  const mac = hmac(sealMessage(l));
  return mac === null ? null : `${VERSION}.${mac}`;
}

/** Compares every character, so the time taken says nothing about how much of a guess matched. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}

/** The check for a document's key; a line without a seal, or any change since, fails it. */
export function sealCheck(hmac: Hmac): SealCheck {
  return (l) => {
    const seal = l.seal.trim();
    if (!seal || !l.approvedBy.trim() || l.approvedAt === null) return false;
    const want = signLine(l, hmac);
    return want !== null && sameText(seal, want);
  };
}

/**
 * A seal counts once: the same sealed line copied to another row (same deal, same terms) is not a
 * second approval. The first row holding a seal keeps it (rows are numbered top-down).
 */
export function sealedOnce(lines: readonly DealLine[], sealed: SealCheck): SealCheck {
  const first = new Map<string, number>();
  for (const l of lines) {
    const seal = l.seal.trim();
    if (seal && !first.has(seal)) first.set(seal, l.row);
  }
  return (l) => first.get(l.seal.trim()) === l.row && sealed(l);
}
