import {
  addWorkingMinutes,
  statutoryHolidays,
  WorkCalendar,
  workingMinutesBetween,
} from '../../../src/core/analytics';
import { formatDay } from '../../../src/core/time';
import { day, moscow, msk } from './fixtures';

/** The 2026 decree as a workbook would list it: 3-4 Jan moved to 9 Jan and 31 Dec. */
const decree2026 = [
  { day: day(2026, 1, 9), dayOff: true, note: 'перенос с 3 января' },
  { day: day(2026, 12, 31), dayOff: true, note: 'перенос с 4 января' },
];

describe('Russian working-day calendar', () => {
  const plain = new WorkCalendar();
  const cal2026 = new WorkCalendar(decree2026);
  const month = (c: WorkCalendar, y: number, m: number): number =>
    c.workingDaysBetween(day(y, m, 1), day(y, m + 1, 1) - 1);

  it('counts 2026 months like the production calendar', () => {
    expect(month(plain, 2026, 1)).toBe(16); // 22 weekdays - 1,2,5,6,7,8 January
    expect(month(cal2026, 2026, 1)).toBe(15); // + 9 January from the decree
    expect(month(plain, 2026, 2)).toBe(19); // 23 February is a Monday
    expect(month(plain, 2026, 3)).toBe(21); // 8 March (Sunday) carried to Monday 9 March
    expect(month(plain, 2026, 5)).toBe(19); // 1 May, and 9 May (Saturday) carried to 11 May
    expect(month(plain, 2026, 11)).toBe(20); // 4 November, a Wednesday
    expect(month(cal2026, 2026, 12)).toBe(22); // 31 December off by the decree
    expect(cal2026.workingDaysBetween(day(2026, 1, 1), day(2026, 12, 31))).toBe(247); // 15+19+21+22+19+21+23+21+22+22+20+22, as the official calendar
  });

  it('carries weekend holidays to the next working day, except 1-8 January', () => {
    const days = [...statutoryHolidays(2026)].sort((a, b) => a - b).map(formatDay);
    expect(days).toContain('09.03.2026');
    expect(days).toContain('11.05.2026');
    expect(days).not.toContain('09.01.2026'); // January weekends move only by the decree
    // 2027: 1 May is a Saturday and 9 May a Sunday: 3 and 10 May are days off.
    const y2027 = [...statutoryHolidays(2027)].map(formatDay);
    expect(y2027).toEqual(expect.arrayContaining(['03.05.2027', '10.05.2027']));
    // 2020: 23 February was a Sunday: Monday 24 February was off.
    expect(plain.isWorkingDay(day(2020, 2, 24))).toBe(false);
  });

  it('lets the workbook list win both ways', () => {
    const c = new WorkCalendar([
      { day: day(2026, 11, 4), dayOff: false, note: 'работаем' },
      { day: day(2026, 11, 7), dayOff: false, note: 'рабочая суббота' },
      { day: day(2026, 11, 27), dayOff: true, note: 'корпоратив' },
    ]);
    expect(c.isWorkingDay(day(2026, 11, 4))).toBe(true);
    expect(c.isWorkingDay(day(2026, 11, 7))).toBe(true);
    expect(c.isWorkingDay(day(2026, 11, 27))).toBe(false);
    expect(month(c, 2026, 11)).toBe(21);
  });

  it('includes both ends, returns 0 for a reversed range, and spans years', () => {
    expect(plain.workingDaysBetween(day(2026, 11, 27), day(2026, 11, 27))).toBe(1);
    expect(plain.workingDaysBetween(day(2026, 11, 28), day(2026, 11, 29))).toBe(0);
    expect(plain.workingDaysBetween(day(2026, 11, 30), day(2026, 11, 1))).toBe(0);
    // 28.12.2026 (Mon) .. 12.01.2027 (Tue): 28-31 Dec (4), 9-12 Jan 2027 minus weekend (11, 12).
    expect(plain.workingDaysBetween(day(2026, 12, 28), day(2027, 1, 12))).toBe(6);
    expect(plain.workingDaysBetween(day(1999, 12, 31), day(2000, 1, 10))).toBe(
      1 + plain.workingDaysBetween(day(2000, 1, 1), day(2000, 1, 10)),
    );
  });

  it('steps over days off', () => {
    expect(formatDay(plain.workingDayOnOrAfter(day(2026, 11, 28)))).toBe('30.11.2026');
    expect(formatDay(plain.addWorkingDays(day(2026, 11, 3), 1))).toBe('05.11.2026');
  });
});

describe('working minutes (lead response time)', () => {
  const cal = new WorkCalendar(decree2026);
  const hours = { startMinute: 9 * 60, endMinute: 18 * 60 };

  it('counts only working hours of working days', () => {
    // Friday 17:55 -> Monday 9:10: 5 + 10 minutes.
    expect(
      workingMinutesBetween(
        msk(2026, 11, 27, 17, 55),
        msk(2026, 11, 30, 9, 10),
        moscow,
        cal,
        hours,
      ),
    ).toBe(15);
    // Created on Saturday, answered Monday 9:05.
    expect(
      workingMinutesBetween(msk(2026, 11, 28, 12), msk(2026, 11, 30, 9, 5), moscow, cal, hours),
    ).toBe(5);
    // Over the 4 November holiday: 60 on Tuesday, 0 on Wednesday, 60 on Thursday.
    expect(
      workingMinutesBetween(msk(2026, 11, 3, 17), msk(2026, 11, 5, 10), moscow, cal, hours),
    ).toBe(120);
    // Same day inside hours, and before opening time.
    expect(
      workingMinutesBetween(msk(2026, 11, 26, 10), msk(2026, 11, 26, 10, 7), moscow, cal, hours),
    ).toBe(7);
    expect(
      workingMinutesBetween(msk(2026, 11, 26, 7), msk(2026, 11, 26, 9, 3), moscow, cal, hours),
    ).toBe(3);
    expect(
      workingMinutesBetween(msk(2026, 11, 26, 10), msk(2026, 11, 26, 9), moscow, cal, hours),
    ).toBe(0);
    // A full working week: 5 x 540.
    expect(workingMinutesBetween(msk(2026, 11, 23), msk(2026, 11, 28), moscow, cal, hours)).toBe(
      2700,
    );
  });

  it('adds working minutes to find a deadline', () => {
    expect(addWorkingMinutes(msk(2026, 11, 27, 17, 55), 15, moscow, cal, hours)).toBe(
      msk(2026, 11, 30, 9, 10),
    );
    expect(addWorkingMinutes(msk(2026, 11, 28, 12), 15, moscow, cal, hours)).toBe(
      msk(2026, 11, 30, 9, 15),
    );
    expect(addWorkingMinutes(msk(2026, 11, 3, 17, 30), 60, moscow, cal, hours)).toBe(
      msk(2026, 11, 5, 9, 30),
    );
    expect(addWorkingMinutes(msk(2026, 12, 30, 17, 50), 20, moscow, cal, hours)).toBe(
      msk(2027, 1, 11, 9, 10),
    );
    expect(addWorkingMinutes(msk(2026, 11, 26, 10), 0, moscow, cal, hours)).toBe(
      msk(2026, 11, 26, 10),
    );
  });
});
