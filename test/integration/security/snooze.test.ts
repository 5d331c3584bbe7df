/**
 * SECURITY.md T11: a snooze hides a deal from the forgotten lists and the head's counts, so it is
 * bounded (Settings «Отсрочка не дольше, дней», default 30) and needs a real reason (default 5+
 * characters).
 */
import type { TeamView, TodayView } from '../../../src/shared/contract';
import { HEAD, IVAN, ok, rpc, seedTeam } from '../rpc/seed';

it('refuses a snooze beyond the longest period or with a token reason, accepts a fair one', () => {
  const { project, deals } = seedTeam();
  const today = ok(rpc(project, IVAN, 'today', {})) as TodayView;
  const item = [...today.forgotten, ...today.overdueSteps].find((d) => d.id === deals.romashka)!;
  const base = { dealId: deals.romashka, updatedAt: item.updatedAt ?? '' };
  const tooLong = rpc(project, IVAN, 'snooze', { ...base, until: '2027-06-01', reason: 'Отпуск' });
  expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(JSON.stringify(tooLong)).toContain('не больше чем на 30 дн.');
  const token = rpc(project, IVAN, 'snooze', { ...base, until: '2026-12-10', reason: 'ок' });
  expect(token).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(JSON.stringify(token)).toContain('не короче 5 символов');
  expect(
    rpc(project, IVAN, 'snooze', { ...base, until: '2026-12-10', reason: 'Клиент в отпуске' }),
  ).toMatchObject({ ok: true });
});

it('the head’s Team view counts snoozed deals next to forgotten ones', () => {
  const { project } = seedTeam();
  const today = ok(rpc(project, IVAN, 'today', {})) as TodayView;
  const item = today.forgotten[0];
  const ivan = () =>
    (ok(rpc(project, HEAD, 'team', { period: '' })) as TeamView).managers.find(
      (m) => m.email === IVAN,
    )!;
  const before = ivan();
  ok(
    rpc(project, IVAN, 'snooze', {
      dealId: item.id,
      updatedAt: item.updatedAt ?? '',
      until: '2026-12-10',
      reason: 'Клиент в отпуске',
    }),
  );
  const after = ivan();
  expect(after.snoozed).toBe(before.snoozed + 1);
  expect(after.forgotten).toBe(before.forgotten - 1);
});
