/**
 * Bytes of an imported file: base64 (how the bytes travel from the sidebar) and the parts of an
 * .xlsx archive the import reads.
 */

/** Unsigned bytes of a base64 text (Apps Script gives signed ones). */
export function base64Decode(text: string): Uint8Array {
  return Uint8Array.from(Utilities.base64Decode(text), (b) => b & 0xff);
}

/** The UTF-8 texts of the archive's entries whose path matches `wanted`, by path. */
export function unzipTexts(bytes: Uint8Array, name: string, wanted: RegExp): Map<string, string> {
  const parts = new Map<string, string>();
  const blobs = Utilities.unzip(
    Utilities.newBlob(
      Array.from(bytes, (b) => (b > 127 ? b - 256 : b)),
      'application/zip',
      name,
    ),
  );
  for (const b of blobs) {
    const path = b.getName() ?? '';
    if (wanted.test(path)) parts.set(path, b.getDataAsString('UTF-8'));
  }
  return parts;
}
