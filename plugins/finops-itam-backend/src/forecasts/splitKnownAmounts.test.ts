import { Money } from '../money';
import { KnownLicenseAmount } from './knownLicenseAmounts';
import { splitKnownAmounts } from './splitKnownAmounts';

const amount = (
  productId: string,
  value: string,
  day = '2027-01-01',
): KnownLicenseAmount => ({
  day,
  amount: value,
  currency: 'USD',
  reason: 'renewal',
  productId,
  entitlementId: `${productId}-ea`,
  owner: 'group:default/itam',
});

describe('splitKnownAmounts', () => {
  it('splits each amount by the shares of its product, the parts summing to it exactly', () => {
    const parts = splitKnownAmounts([amount('sql', '100')], productId =>
      productId === 'sql'
        ? [
            { target: 'component:default/a', weight: '1' },
            { target: 'component:default/b', weight: '1' },
            { target: 'group:default/itam', weight: '1' },
          ]
        : undefined,
    );
    const amounts = [...parts.entries()].map(([entity, list]) => [
      entity,
      list.map(a => a.amount),
    ]);
    // 100 in thirds: the leftover cent goes to the first target in code-unit order.
    expect(amounts).toEqual([
      ['component:default/a', ['33.34']],
      ['component:default/b', ['33.33']],
      ['group:default/itam', ['33.33']],
    ]);
    const sum = [...parts.values()]
      .flat()
      .reduce((s, a) => s.plus(a.amount), new Money(0));
    expect(sum.toFixed()).toBe('100');
  });

  it('gives an amount with no shares, or only zero weights, to the owner group whole', () => {
    const parts = splitKnownAmounts(
      [amount('oracle', '50'), amount('rhel', '20')],
      productId =>
        productId === 'rhel'
          ? [{ target: 'component:default/a', weight: '0' }]
          : undefined,
    );
    expect([...parts.keys()]).toEqual(['group:default/itam']);
    expect(parts.get('group:default/itam')!.map(a => a.amount)).toEqual([
      '50',
      '20',
    ]);
  });

  it('leaves out parts too small to be a cent', () => {
    const parts = splitKnownAmounts([amount('sql', '0.01')], () => [
      { target: 'component:default/a', weight: '3' },
      { target: 'component:default/b', weight: '1' },
    ]);
    expect([...parts.keys()]).toEqual(['component:default/a']);
  });
});
