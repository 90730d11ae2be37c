import { dayFromNumber, dayNumber, isoWeekday } from './calendarDays';

describe('calendar days', () => {
  it('numbers real days and refuses the others', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayFromNumber(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(dayNumber('2027-03-01') - dayNumber('2027-02-28')).toBe(1);
    expect(() => dayNumber('2027-02-29')).toThrow(/is not a day/);
    expect(() => dayNumber('2027-13-01')).toThrow(/is not a day/);
    expect(() => dayNumber('27-1-1')).toThrow(/is not a day/);
    expect(() => dayNumber('0027-01-01')).toThrow(/is not a day/);
  });

  it('gives ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekday(dayNumber('2026-12-07'))).toBe(1);
    expect(isoWeekday(dayNumber('2026-12-06'))).toBe(7);
    expect(isoWeekday(dayNumber('1969-12-31'))).toBe(3);
  });
});
