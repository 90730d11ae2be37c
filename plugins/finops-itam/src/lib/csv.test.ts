import { buildCsv, neutraliseCsvCell } from './csv';

describe('csv', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseCsvCell(dangerous)).toBe(`'${dangerous}`);
    }
    expect(neutraliseCsvCell('checkout-db')).toBe('checkout-db');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(
      buildCsv(['name', 'total'], [['a, "b"\nc', { amount: '1.5' }]]),
    ).toBe('name,total\r\n"a, ""b""\nc",1.5\r\n');
  });

  it('keeps exact amounts, negative ones included, as numbers', () => {
    expect(
      buildCsv(
        ['total'],
        [
          [{ amount: '12345678901234567.01' }],
          [{ amount: '-12.50' }],
          [{ amount: '=HYPERLINK("x")' }],
        ],
      ),
    ).toBe(
      'total\r\n12345678901234567.01\r\n-12.50\r\n"\'=HYPERLINK(""x"")"\r\n',
    );
  });

  it('neutralises a formula even inside a quoted cell', () => {
    expect(buildCsv(['name'], [['=cmd|"/c calc"!A1']])).toBe(
      'name\r\n"\'=cmd|""/c calc""!A1"\r\n',
    );
  });
});
