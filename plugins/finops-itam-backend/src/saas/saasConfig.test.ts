import { ConfigReader } from '@backstage/config';
import { readSaasContracts } from './saasConfig';

const prepaid = {
  id: 'lumenwatch',
  title: 'Lumenwatch prepaid',
  vendor: 'Lumenwatch',
  kind: 'prepaid',
  currency: 'USD',
  start: '2026-07-01',
  end: '2027-06-30',
  committed: 30000,
  match: { publisherName: 'Lumenwatch' },
};

const read = (contracts: unknown) =>
  readSaasContracts(
    new ConfigReader({ finopsItam: { saas: { contracts } } } as any),
  );

describe('readSaasContracts', () => {
  it('reads amounts exactly, whether YAML gave a number or a string, and owner refs as lowercase group refs', () => {
    expect(
      read([
        { ...prepaid, ownerRef: 'Team-Platform' },
        {
          ...prepaid,
          id: 'seats',
          kind: 'consumption',
          committed: undefined,
          contractedMonthlyRunRate: '1500.10',
        },
      ]),
    ).toEqual([
      {
        ...prepaid,
        committed: '30000',
        contractedMonthlyRunRate: null,
        ownerRef: 'group:default/team-platform',
        productId: null,
      },
      {
        ...prepaid,
        id: 'seats',
        kind: 'consumption',
        committed: null,
        contractedMonthlyRunRate: '1500.1',
        ownerRef: null,
        productId: null,
      },
    ]);
  });

  it('has no contracts when none are configured', () => {
    expect(readSaasContracts(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      'a prepaid contract without its amount',
      [prepaid, { ...prepaid, id: 'b', committed: undefined }],
      'finopsItam.saas.contracts[1].committed: is required for a prepaid contract',
    ],
    [
      'a negative amount',
      [{ ...prepaid, committed: '-5' }],
      'finopsItam.saas.contracts[0].committed: must be an amount above 0',
    ],
    [
      'a run rate on a prepaid contract',
      [{ ...prepaid, contractedMonthlyRunRate: 10 }],
      'finopsItam.saas.contracts[0].contractedMonthlyRunRate: is for consumption contracts; this one is prepaid',
    ],
    [
      'an end before the start',
      [{ ...prepaid, end: '2026-06-30' }],
      'finopsItam.saas.contracts[0].end: must not be before start (2026-07-01)',
    ],
    [
      'an impossible date',
      [{ ...prepaid, start: '2026-02-30' }],
      'finopsItam.saas.contracts[0].start: must be a date like 2026-07-01',
    ],
    [
      'a match naming no rows',
      [{ ...prepaid, match: { chargeCategory: 'Usage' } }],
      'finopsItam.saas.contracts[0].match: needs publisherName, serviceName or productTag',
    ],
    [
      'a lowercase currency',
      [{ ...prepaid, currency: 'usd' }],
      'finopsItam.saas.contracts[0].currency: must be an ISO 4217 code like USD',
    ],
    [
      'a repeated id',
      [prepaid, prepaid],
      'finopsItam.saas.contracts[1].id: "lumenwatch" is already the id of contracts[0]',
    ],
    [
      'an unknown key',
      [{ ...prepaid, comitted: 5 }],
      "finopsItam.saas.contracts[0]: Unrecognized key(s) in object: 'comitted'",
    ],
  ])('stops start-up on %s, naming the key', (_, contracts, message) => {
    expect(() => read(contracts)).toThrow(message);
  });
});
