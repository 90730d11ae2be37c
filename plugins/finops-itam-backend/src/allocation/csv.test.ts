import { csvAmount, csvText, toCsv } from './csv';

describe('csv', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a "quoted" name', '"a ""quoted"" name"'],
    ['a, b', '"a, b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['=1,"2"', `"'=1,""2"""`],
    ['CC-100', 'CC-100'],
    ['', ''],
  ])('neutralises and quotes the text cell %j', (value, encoded) => {
    expect(csvText(value)).toBe(encoded);
  });

  it('keeps amounts, negative ones included, as unquoted numbers', () => {
    expect(csvAmount('-12.5')).toBe('-12.5');
    expect(csvAmount('0')).toBe('0');
    expect(csvAmount('1234.0000000000000001')).toBe('1234.0000000000000001');
    expect(csvAmount('-1+1')).toBe("'-1+1");
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [{ text: '=x' }, { amount: '-3' }],
          [{ text: 'y, z' }, { amount: '4.5' }],
        ],
      ),
    ).toBe(`a,b\r\n'=x,-3\r\n"y, z",4.5\r\n`);
  });
});
