import { addMonths, shiftByTerm, termLength } from './nextTerm';

describe('term lengths', () => {
  it('repeats calendar terms by whole months, leap days or not', () => {
    expect(termLength('2027-01-01', '2027-12-31')).toEqual({ months: 12 });
    expect(shiftByTerm('2028-01-01', { months: 12 })).toBe('2029-01-01');
    expect(termLength('2026-03-15', '2029-03-14')).toEqual({ months: 36 });
    expect(termLength('2026-01-01', '2026-01-31')).toEqual({ months: 1 });
  });

  it('repeats other terms by their days', () => {
    expect(termLength('2026-01-01', '2026-03-15')).toEqual({ days: 74 });
    expect(shiftByTerm('2026-03-16', { days: 74 })).toBe('2026-05-29');
  });

  it('keeps a month-end day in the shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});
