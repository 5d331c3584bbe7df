/** The import's target: leads (clients and deals) or expenses for the Spend sheet. */
import type { Request } from '../src/shared/methods';
import { tr } from './i18n';
import { useId } from './ui';

export type ImportTarget = NonNullable<Request<'importFile'>['target']>;
// A value import of the method table would bundle valibot into the page; the type keeps it honest.
const TARGETS: readonly ImportTarget[] = ['leads', 'spend'];

export function ImportTargetField(props: { value: ImportTarget; onChange(t: ImportTarget): void }) {
  const id = useId('target');
  return (
    <div class="field">
      <label for={id}>{tr('msb.import.target')}</label>
      <select
        id={id}
        name="target"
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as ImportTarget)}
      >
        {TARGETS.map((t) => (
          <option key={t} value={t}>
            {tr(t === 'spend' ? 'msb.import.spend' : 'msb.import.leads')}
          </option>
        ))}
      </select>
    </div>
  );
}
