import { currencyScale } from './currencyScale';

describe('currencyScale', () => {
  it('knows the minor unit of each currency', () => {
    expect(currencyScale('USD')).toBe(2);
    expect(currencyScale('JPY')).toBe(0);
    expect(currencyScale('BHD')).toBe(3);
  });

  it('refuses what is not a currency code', () => {
    expect(() => currencyScale('dollars')).toThrow(
      'not a three-letter ISO 4217 code',
    );
  });
});
