/**
 * Document properties: small per-spreadsheet state shared by every user of the file (the last
 * assigned manager, the schema version, the spreadsheet id). Script properties would be shared by
 * every customer of the add-on, so they are never used.
 */
export function getDocProperty(key: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(key);
}

export function setDocProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}

/** The document's store opened once, for a use-case that reads and writes several keys. */
export interface PropertyStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function documentStore(): PropertyStore {
  const props = PropertiesService.getDocumentProperties();
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => props.setProperty(key, value),
  };
}
