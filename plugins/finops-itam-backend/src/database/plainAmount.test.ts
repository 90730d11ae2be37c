import { normalizeAmount } from '../money';
import { plainAmount } from './plainAmount';

describe('plainAmount', () => {
  it.each([
    '12.5000000000000000',
    '-12.5000000000000000',
    '100.0000000000000000',
    '100',
    '-100',
    '0.0000000000000001',
    '-0.0000000000000001',
    '0.0000000000000000',
    '-0.0000000000000000',
    '0',
    '-0',
    '1234567890123456789012.1234567890123456',
    '1e-7',
    '0012.50',
    '.5',
    '5.',
    '+5.10',
  ])('gives the same text as normalizeAmount for %s', value => {
    expect(plainAmount(value)).toBe(normalizeAmount(value));
  });
});
