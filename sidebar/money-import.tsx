/** The import's target: leads (clients and deals) or expenses for the Spend sheet. */
import type { Request } from '../src/shared/methods';
import { tr } from './i18n';
import { Select } from './ui';

export type ImportTarget = NonNullable<Request<'importFile'>['target']>;

export function ImportTargetField(props: { value: ImportTarget; onChange(t: ImportTarget): void }) {
  return (
    <Select
      label={tr('msb.import.target')}
      name="target"
      value={props.value}
      // Values spelled here, not imported: a value import of the method table would bundle valibot.
      options={[
        { value: 'leads', label: tr('msb.import.leads') },
        { value: 'spend', label: tr('msb.import.spend') },
      ]}
      onValue={(v) => props.onChange(v as ImportTarget)}
    />
  );
}
