import { formatUnits, parseDecimal, unitsAtScale } from './decimalUnits';

describe('parseDecimal', () => {
  it.each([
    ['12.50', 125n, 1],
    ['-0.0000000000000001', -1n, 16],
    ['+7', 7n, 0],
    ['-0', 0n, 0],
    ['100.000', 100n, 0],
  ])('reads %s exactly', (value, units, places) => {
    expect(parseDecimal(value)).toEqual({ units, places });
  });

  it.each(['1e-7', '12,5', ' 1', '.5', '0x10', '', 'NaN', 'Infinity'])(
    'refuses %j, which is not plain decimal notation',
    value => {
      expect(() => parseDecimal(value, 'amount')).toThrow(
        `amount ${JSON.stringify(
          value,
        )} is not a plain decimal number like -12.5`,
      );
    },
  );
});

describe('formatUnits', () => {
  it.each([
    [1n, 16, '0.0000000000000001'],
    [-125n, 1, '-12.5'],
    [1200n, 2, '12'],
    [0n, 16, '0'],
    [-5n, 0, '-5'],
  ])('writes %s units at scale %s as %s', (units, scale, text) => {
    expect(formatUnits(units, scale)).toBe(text);
  });

  it('round-trips through unitsAtScale', () => {
    const parsed = parseDecimal('-3.25');
    expect(formatUnits(unitsAtScale(parsed, 16), 16)).toBe('-3.25');
  });
});
