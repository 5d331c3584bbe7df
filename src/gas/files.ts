/**
 * Bytes of an uploaded file: the Blob a sidebar form delivers, base64 (how the bytes travel to
 * the CRM import), and the parts of an .xlsx archive the import reads.
 */

interface BlobLike {
  getBytes(): number[];
  getName(): string | null;
}

function isBlob(v: unknown): v is BlobLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as BlobLike).getBytes === 'function' &&
    typeof (v as BlobLike).getName === 'function'
  );
}

/** A form field's file as bytes and name (null name: none given), or null when it is no file. */
export function uploadedFile(v: unknown): { bytes: number[]; name: string | null } | null {
  if (!isBlob(v)) return null;
  return { bytes: v.getBytes(), name: v.getName() };
}

export function base64Encode(bytes: number[]): string {
  return Utilities.base64Encode(bytes);
}

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
