/**
 * Who owns the script and whether the people using it are in the owner's Workspace domain.
 * Google hides a user's email from code the user did not authorize (simple triggers) unless the
 * user is the owner or in the owner's Workspace domain: "the user's email address is not
 * available in any context that allows a script to run without that user's authorization, like a
 * simple onOpen(e) or onEdit(e) trigger … these restrictions generally do not apply if the
 * developer runs the script themselves or belongs to the same Google Workspace domain as the
 * user" (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 * Consumer (gmail.com) accounts are never in one Workspace domain with anyone.
 */
export interface Identity {
  /** The script's (and the spreadsheet's) owner. */
  owner: string;
  /** True: every user is in the owner's Workspace domain. False: consumer accounts or a team
   * spread over domains, so only the owner is "inside". */
  sameDomain: boolean;
}

/** Whether Google tells code that `user` did not authorize (a simple trigger) who `user` is. */
export function emailVisible(id: Identity, user: string): boolean {
  if (user === '') return false;
  return user === id.owner || id.sameDomain;
}

/** Whether `user` is an editor of a protection by domain rather than by name. */
export function inOwnerDomain(id: Identity, user: string): boolean {
  return user !== '' && (user === id.owner || id.sameDomain);
}
