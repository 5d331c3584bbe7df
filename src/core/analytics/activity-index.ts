/**
 * One pass over the Activities table: first and last activity per deal and per client, ignoring
 * anything dated after "now" (a planned call is not contact). Built once per job, shared by every
 * selection and KPI that needs it.
 */
import type { Activity, Client, Deal } from '../types';
import type { Instant } from '../time';

export interface ActivityIndex {
  firstByDeal: Map<string, Instant>;
  lastByDeal: Map<string, Instant>;
  lastByClient: Map<string, Instant>;
  /** Sorted instants of each client's activities not tied to a deal (a call about "the client"). */
  byClient: Map<string, Instant[]>;
}

export function indexActivities(activities: readonly Activity[], now: Instant): ActivityIndex {
  const firstByDeal = new Map<string, Instant>();
  const lastByDeal = new Map<string, Instant>();
  const lastByClient = new Map<string, Instant>();
  const byClient = new Map<string, Instant[]>();
  for (const a of activities) {
    const at = a.at;
    if (at === null || at > now) continue;
    if (a.dealId) {
      const f = firstByDeal.get(a.dealId);
      if (f === undefined || at < f) firstByDeal.set(a.dealId, at);
      const l = lastByDeal.get(a.dealId);
      if (l === undefined || at > l) lastByDeal.set(a.dealId, at);
    }
    if (a.clientId) {
      const l = lastByClient.get(a.clientId);
      if (l === undefined || at > l) lastByClient.set(a.clientId, at);
      if (!a.dealId) {
        const list = byClient.get(a.clientId);
        if (list) list.push(at);
        else byClient.set(a.clientId, [at]);
      }
    }
  }
  for (const list of byClient.values()) list.sort((x, y) => x - y);
  return { firstByDeal, lastByDeal, lastByClient, byClient };
}

const later = (a: Instant | null | undefined, b: Instant | null | undefined): Instant | null =>
  a == null ? (b ?? null) : b == null ? a : Math.max(a, b);

/** The deal's last contact: its own activities, the deal's stamp, never a future one. */
export function lastDealActivity(deal: Deal, index: ActivityIndex, now: Instant): Instant | null {
  const stamp =
    deal.lastActivityAt !== null && deal.lastActivityAt <= now ? deal.lastActivityAt : null;
  return later(index.lastByDeal.get(deal.id), stamp);
}

/**
 * The deal's first response: the earliest activity on the deal, or the earliest activity with its
 * client at or after the deal was created, or the deal's own stamp; null while none happened.
 */
export function firstDealActivity(deal: Deal, index: ActivityIndex, now: Instant): Instant | null {
  let first: Instant | null = index.firstByDeal.get(deal.id) ?? null;
  if (deal.firstActivityAt !== null && deal.firstActivityAt <= now) {
    first = first === null ? deal.firstActivityAt : Math.min(first, deal.firstActivityAt);
  }
  const created = deal.createdAt;
  const list = deal.clientId ? index.byClient.get(deal.clientId) : undefined;
  if (list && created !== null) {
    const at = firstAtOrAfter(list, created);
    if (at !== null && (first === null || at < first)) first = at;
  }
  return first;
}

function firstAtOrAfter(sorted: readonly Instant[], t: Instant): Instant | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo] : null;
}

export function lastClientContact(
  client: Client,
  index: ActivityIndex,
  now: Instant,
): Instant | null {
  const stamp =
    client.lastContactAt !== null && client.lastContactAt <= now ? client.lastContactAt : null;
  return later(index.lastByClient.get(client.id), stamp);
}
