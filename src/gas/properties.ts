/**
 * The document's properties: small values every editor's run shares (the last assigned manager,
 * the schema version, the spreadsheet id). Script properties would be shared by every customer of
 * the add-on, so they are never used.
 */

export function documentProperty(key: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(key);
}

export function setDocumentProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}
