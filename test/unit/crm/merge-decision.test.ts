// A lead joins an existing client's card only on a clean match (issue #12): a matching phone,
// email or INN, and no INN or phone that both sides hold and that differ.
import { DuplicateIndex, duplicateFlag, mergeDecision } from '../../../src/core/crm/duplicates';

const romashka = {
  row: 2,
  id: 'C-000001',
  name: 'ООО «Ромашка»',
  inn: '7707083893',
  phone: '+74951111111',
  email: 'info@romashka.ru',
  manager: 'anna@firm.ru',
};
const index = new DuplicateIndex([romashka]);
const decide = (lead: Parameters<typeof mergeDecision>[0]) => {
  const [hit] = index.find(lead);
  return hit ? mergeDecision(lead, hit) : 'none';
};

describe('mergeDecision', () => {
  it('merges on a matching phone, email or INN', () => {
    expect(decide({ name: 'Ромашка', phone: '8 (495) 111-11-11' })).toBe('merge');
    expect(decide({ name: 'Другое имя', email: 'INFO@romashka.ru' })).toBe('merge');
    expect(decide({ inn: '7707083893' })).toBe('merge');
  });
  it('flags a name alone', () => {
    expect(decide({ name: 'Ромашка ООО' })).toBe('flag');
    expect(decide({ name: 'Ромашка', email: 'other@mail.ru' })).toBe('flag');
  });
  it('flags a conflicting INN or phone even when another key matches', () => {
    expect(decide({ phone: '+7 495 111-11-11', inn: '7736207543' })).toBe('flag');
    expect(decide({ inn: '7707083893', phone: '+7 495 222-22-22' })).toBe('flag');
    expect(decide({ email: 'info@romashka.ru', phone: '+7 495 222-22-22' })).toBe('flag');
  });
  it('names the other client in the flag, in the user language', () => {
    const [hit] = index.find({ name: 'Ромашка' });
    expect(duplicateFlag(hit, 'ru')).toBe(
      'Возможный дубль C-000001 (совпало: название), проверьте',
    );
    expect(duplicateFlag(hit, 'en')).toBe(
      'Possible duplicate of C-000001 (same name), please check',
    );
  });
});
