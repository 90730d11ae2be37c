import { PoolRow, findPoolForRow, poolMatchesRow } from './poolMatchesRow';
import { SharedCostPoolRows } from './sharedPoolConfig';

const row = (overrides: Partial<PoolRow> = {}): PoolRow => ({
  tags: { ' Team ': ' platform ', env: 'prod' },
  subAccountId: '111111111111',
  billingAccountId: '999999999999',
  serviceName: 'AWS Support (Business)',
  chargeCategory: 'Usage',
  ...overrides,
});

const matches = (rows: SharedCostPoolRows, r: PoolRow = row()) =>
  poolMatchesRow({ rows }, r);

describe('poolMatchesRow', () => {
  it('compares tag keys trimmed and case-insensitively, values trimmed and exactly', () => {
    expect(matches({ tags: { team: ['platform'] } })).toBe(true);
    expect(matches({ tags: { team: ['Platform'] } })).toBe(false);
    expect(matches({ tags: { team: ['platform-v2'] } })).toBe(false);
  });

  it('takes a list of values as alternatives', () => {
    expect(matches({ tags: { env: ['stage', 'prod'] } })).toBe(true);
  });

  it('needs every tag to match', () => {
    expect(matches({ tags: { team: ['platform'], env: ['prod'] } })).toBe(true);
    expect(matches({ tags: { team: ['platform'], env: ['stage'] } })).toBe(
      false,
    );
    expect(matches({ tags: { team: ['platform'], owner: ['x'] } })).toBe(false);
  });

  it('does not match tags on a row without tags', () => {
    expect(matches({ tags: { team: ['platform'] } }, row({ tags: null }))).toBe(
      false,
    );
  });

  it('matches an account by sub-account or billing account id', () => {
    expect(matches({ accounts: ['111111111111'] })).toBe(true);
    expect(matches({ accounts: ['999999999999'] })).toBe(true);
    expect(matches({ accounts: ['222222222222'] })).toBe(false);
    expect(
      matches({ accounts: ['999999999999'] }, row({ subAccountId: null })),
    ).toBe(true);
  });

  it('compares service names and charge categories case-insensitively', () => {
    expect(matches({ services: ['aws support (business)'] })).toBe(true);
    expect(matches({ services: ['Amazon EC2'] })).toBe(false);
    expect(
      matches({ services: ['Amazon EC2'] }, row({ serviceName: null })),
    ).toBe(false);
    expect(
      matches(
        { chargeCategories: ['Usage'] },
        row({ chargeCategory: 'usage' }),
      ),
    ).toBe(true);
    expect(matches({ chargeCategories: ['Tax', 'Credit'] })).toBe(false);
  });

  it('needs every given criterion to match', () => {
    const rows: SharedCostPoolRows = {
      tags: { team: ['platform'] },
      accounts: ['111111111111'],
      services: ['AWS Support (Business)'],
      chargeCategories: ['Usage'],
    };
    expect(matches(rows)).toBe(true);
    expect(matches(rows, row({ chargeCategory: 'Tax' }))).toBe(false);
    expect(
      matches(rows, row({ subAccountId: '3', billingAccountId: '4' })),
    ).toBe(false);
    expect(matches(rows, row({ serviceName: 'Amazon S3' }))).toBe(false);
    expect(matches(rows, row({ tags: { team: 'data' } }))).toBe(false);
  });
});

describe('findPoolForRow', () => {
  it('takes the first matching pool in config order', () => {
    const pools = [
      { id: 'tax', rows: { chargeCategories: ['Tax' as const] } },
      { id: 'platform', rows: { tags: { team: ['platform'] } } },
      { id: 'usage', rows: { chargeCategories: ['Usage' as const] } },
    ];
    expect(findPoolForRow(pools, row())?.id).toBe('platform');
    expect(
      findPoolForRow(pools, row({ tags: null, chargeCategory: 'Credit' })),
    ).toBe(undefined);
  });
});
