/** Links from an email straight to the row of a deal, client or invoice. */
import { safeUrl } from './escape';
import type { LinkContext, RowLocation } from './types';

/** `https://docs.google.com/…/edit#gid=123&range=A12`; the sheet alone when the row is unknown. */
export function rowLink(links: LinkContext, where: RowLocation | null): string {
  const base = safeUrl(links.url.replace(/#.*$/, ''));
  if (!base || !where) return base;
  const gid = links.gids[where.sheet];
  if (gid === undefined) return base;
  return where.row > 0 ? `${base}#gid=${gid}&range=A${where.row}` : `${base}#gid=${gid}`;
}
