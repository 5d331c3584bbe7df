/** What a deal still lacks, as one line a person reads (field headers, then «items»). */
import { fieldLabel } from '../../core/playbooks/settings';
import type { Missing } from '../../core/playbooks/rules';
import type { Lang } from '../../core/types';

export function missingText(m: Missing, lang: Lang): string {
  return [...m.fields.map((f) => fieldLabel(f, lang)), ...m.items.map((i) => `«${i}»`)].join(', ');
}
