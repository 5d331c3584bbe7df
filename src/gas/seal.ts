/**
 * The key of approval seals (src/core/money/seal.ts): random, created once per document by the
 * first approval and kept in the document properties of this script project (an editor's own
 * script bound to the file has a store of its own; see SECURITY.md T10 for a container-bound copy,
 * whose script editors can read it). Reading it costs one property read per execution, made
 * only when a line actually needs checking. Document properties and Utilities are both open to a
 * simple trigger in LIMITED mode, so onEdit checks seals too (docs/protections.md).
 */
import type { Hmac } from '../core/money/seal';

const KEY = 'ropdesk.secret';

/** The key as this execution knows it (globals do not outlive an execution). */
let known: string | null | undefined;

function loadKey(create: boolean): string | null {
  if (known === undefined || (known === null && create)) {
    const props = PropertiesService.getDocumentProperties();
    known = props.getProperty(KEY) || null;
    if (known === null && create) {
      // Two random v4 UUIDs: 244 random bits.
      known = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
      props.setProperty(KEY, known);
    }
  }
  return known;
}

/**
 * The document's HMAC, the key read at first use; `create` (the approve action, under the
 * document lock) makes the key when the document has none yet.
 */
export function documentHmac(create = false): Hmac {
  let key: string | null | undefined;
  return (message) => {
    if (key === undefined) key = loadKey(create);
    if (key === null) return null;
    const mac = Utilities.computeHmacSha256Signature(message, key, Utilities.Charset.UTF_8);
    return Utilities.base64EncodeWebSafe(mac);
  };
}
