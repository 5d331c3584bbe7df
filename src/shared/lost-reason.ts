/**
 * «Другое» / "Other" as a lost reason says nothing on its own: the panel asks for a comment with
 * it and the server refuses it without one. Shared so both apply the same test.
 */
export function isOtherReason(reason: string): boolean {
  return /^(другое|другая|другие|other)$/i.test(reason.trim());
}
