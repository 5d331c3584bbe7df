/** Document properties: small per-spreadsheet state shared by every user of the file. */
export function getDocProperty(key: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(key);
}

export function setDocProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}
