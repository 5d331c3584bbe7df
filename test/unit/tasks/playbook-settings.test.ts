import { parseRequired, playbookFor, splitItems } from '../../../src/core/playbooks/settings';
import { defaultSettings, parseSettings } from '../../../src/core/workbook/settings';
import { fixedZone } from '../../../src/core/time';

const zone = fixedZone('Europe/Moscow', 180);

describe('playbooks in Settings', () => {
  it('splits a checklist cell on new lines and «;», dropping bullets and blanks', () => {
    expect(splitItems('- Бюджет подтверждён\n• ЛПР известен;; Сроки известны \n')).toEqual([
      'Бюджет подтверждён',
      'ЛПР известен',
      'Сроки известны',
    ]);
    expect(splitItems('')).toEqual([]);
  });

  it('reads required fields as Deals headers in either language, unknown names ignored', () => {
    expect(parseRequired('Потребность; Сумма, next step date\nЛПР; Бюджет')).toEqual([
      'need',
      'amount',
      'nextStepDate',
    ]);
  });

  it('parses the table wherever it stands, strict as yes/no, empty table = no playbooks', () => {
    const grid = [
      ['', 'Stage', 'What to do', 'Checklist', 'Required fields', 'Exit criterion', 'Strict'],
      ['', 'Qualification', 'Ask', 'Budget; DM', 'Amount', 'Budget known', 'yes'],
      ['', 'Meeting', 'Meet', '', '', '', ''],
    ];
    const s = parseSettings(grid, zone);
    expect(s.playbooks).toEqual([
      {
        stage: 'Qualification',
        todo: 'Ask',
        checklist: ['Budget', 'DM'],
        required: ['amount'],
        exit: 'Budget known',
        strict: true,
      },
      { stage: 'Meeting', todo: 'Meet', checklist: [], required: [], exit: '', strict: false },
    ]);
    expect(playbookFor(s.playbooks, ' qualification ')?.strict).toBe(true);
    expect(parseSettings([grid[0]], zone).playbooks).toEqual([]);
  });

  it('gives every open default stage a playbook, two of them strict, in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const s = defaultSettings(lang);
      const open = s.stages.filter((x) => x.kind === 'open').map((x) => x.name);
      expect(s.playbooks?.map((p) => p.stage)).toEqual(open);
      expect(s.playbooks?.filter((p) => p.strict)).toHaveLength(2);
      for (const p of s.playbooks ?? []) expect(p.checklist.length).toBeGreaterThan(0);
    }
  });
});
