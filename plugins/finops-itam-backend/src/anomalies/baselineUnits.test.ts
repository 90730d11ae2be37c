import { baselineUnits } from './baselineUnits';

describe('baselineUnits', () => {
  it('works at the finest scale of the amounts, at most 6 decimals, and converts back exactly', () => {
    const cents = baselineUnits(['12.5', '0.01']);
    expect(cents.scale).toBe(2);
    expect(cents.toUnits('12.5')).toBe(1250 * 16);
    expect(cents.toDecimal(1250 * 16 + 8)).toBe('12.505');

    const fine = baselineUnits(['100.1000000000000001']);
    expect(fine.scale).toBe(6);
    expect(fine.toDecimal(fine.toUnits('100.1000000000000001'))).toBe('100.1');
  });

  it('rounds half to even', () => {
    const units = baselineUnits(['0.0000005', '0.0000015', '-0.0000025']);
    expect(units.toUnits('0.0000005')).toBe(0);
    expect(units.toUnits('0.0000015')).toBe(2 * 16);
    expect(units.toUnits('-0.0000025')).toBe(-2 * 16);
  });

  it('gives huge amounts fewer decimals so the maths stays exact', () => {
    const units = baselineUnits(['12345678901.123456']);
    expect(units.scale).toBeLessThan(6);
    expect(Math.abs(units.toUnits('12345678901.123456'))).toBeLessThan(2 ** 50);
  });
});
