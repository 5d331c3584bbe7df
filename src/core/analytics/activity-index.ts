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

/**
 * The index of one activities list as of `now`. A job asks for it from several computations
 * (dashboard blocks, forgotten deals, response times); it is built once per list, since lists
 * read from a sheet are not changed in place (a changed length rebuilds it all the same).
 */
const built = new WeakMap<
  readonly Activity[],
  { now: Instant; length: number; index: ActivityIndex }
>();

export function indexActivities(activities: readonly Activity[], now: Instant): ActivityIndex {
  const hit = built.get(activities);
  if (hit && hit.now === now && hit.length === activities.length) return hit.index;
  const index = buildIndex(activities, now);
  built.set(activities, { now, length: activities.length, index });
  return index;
}

function buildIndex(activities: readonly Activity[], now: Instant): ActivityIndex {
  // One map per deal holding both ends: a lookup per activity instead of four.
  const byDeal = new Map<string, { first: Instant; last: Instant }>();
  const lastByClient = new Map<string, Instant>();
  const byClient = new Map<string, Instant[]>();
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    const at = a.at;
    if (at === null || at > now) continue;
    const dealId = a.dealId;
    if (dealId) {
      const d = byDeal.get(dealId);
      if (d === undefined) byDeal.set(dealId, { first: at, last: at });
      else if (at < d.first) d.first = at;
      else if (at > d.last) d.last = at;
    }
    const clientId = a.clientId;
    if (clientId) {
      const l = lastByClient.get(clientId);
      if (l === undefined || at > l) lastByClient.set(clientId, at);
      if (!dealId) {
        const list = byClient.get(clientId);
        if (list) list.push(at);
        else byClient.set(clientId, [at]);
      }
    }
  }
  const firstByDeal = new Map<string, Instant>();
  const lastByDeal = new Map<string, Instant>();
  for (const [id, d] of byDeal) {
    firstByDeal.set(id, d.first);
    lastByDeal.set(id, d.last);
  }
  for (const list of byClient.values()) {
    // Activities are mostly logged in time order: sort only when they are not.
    for (let i = 1; i < list.length; i++) {
      if (list[i] < list[i - 1]) {
        list.sort((x, y) => x - y);
        break;
      }
    }
  }
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
