import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';
import { licenseAnomalies } from './licenseAnomalies';

const DAY = '2026-12-05';

function entry(
  productId: string,
  required: number,
  entitled: number,
  fields: Partial<LicensePositionEntry> = {},
): LicensePositionEntry {
  const position = entitled - required;
  return {
    productId,
    productName: productId.toUpperCase(),
    metric: 'per-core',
    entitled,
    required,
    byolRequired: required,
    licenseIncludedRequired: 0,
    position,
    status: position < 0 ? 'shortage' : 'compliant',
    exposure:
      position < 0
        ? { amount: String(-position * 100), currency: 'USD' }
        : null,
    trueUpDate: null,
    projectedAtTrueUp: null,
    shelfware: Math.max(0, position),
    unknownSizeResources: 0,
    licenseEntityRef: `resource:default/${productId}`,
    ...fields,
  };
}

describe('licenseAnomalies', () => {
  it('reports a shortage once, when it appears, with its exposure', () => {
    const fine = entry('sql-enterprise', 16, 20);
    const short = entry('sql-enterprise', 24, 20);

    expect(licenseAnomalies([fine], [short], { date: DAY })).toEqual([
      // 16 → 24 is also a 50 % jump.
      expect.objectContaining({ kind: 'license-consumption-jump' }),
      expect.objectContaining({
        kind: 'license-shortage',
        date: DAY,
        productId: 'sql-enterprise',
        licenseEntityRef: 'resource:default/sql-enterprise',
        previous: 4,
        current: -4,
        exposure: { amount: '400', currency: 'USD' },
      }),
    ]);
    // Already short before: not new, even if it deepens a little.
    expect(
      licenseAnomalies([short], [entry('sql-enterprise', 25, 20)], {
        date: DAY,
      }),
    ).toEqual([]);
    // A product first seen short is a new shortage.
    expect(
      licenseAnomalies([], [short], { date: DAY }).map(a => [
        a.kind,
        a.previous,
      ]),
    ).toEqual([['license-shortage', null]]);
  });

  it('reports a jump in the requirement only above both the percentage and the absolute minimum', () => {
    const before = [entry('rhel', 100, 500), entry('visio', 2, 10)];
    const after = [entry('rhel', 119, 500), entry('visio', 3, 10)];

    // rhel +19 % is under 20 %; visio +50 % but +1 unit passes the default absolute 1.
    expect(
      licenseAnomalies(before, after, { date: DAY }).map(a => [
        a.kind,
        a.productId,
        a.previous,
        a.current,
      ]),
    ).toEqual([['license-consumption-jump', 'visio', 2, 3]]);
    expect(
      licenseAnomalies(before, after, {
        date: DAY,
        consumptionJump: { percent: 15, absolute: 5 },
      }).map(a => a.productId),
    ).toEqual(['rhel']);
    // Falling consumption is no jump.
    expect(licenseAnomalies(after, before, { date: DAY })).toEqual([]);
  });

  it('reports an unauthorized product when it appears in use, by allow and block lists', () => {
    const before = [entry('oracle-ee', 0, 0), entry('rhel', 8, 100)];
    const after = [
      entry('oracle-ee', 4, 4),
      entry('rhel', 8, 100),
      entry('winrar', 2, 2),
    ];

    const unauthorized = (
      authorization: Parameters<typeof licenseAnomalies>[2]['authorization'],
    ) =>
      licenseAnomalies(before, after, { date: DAY, authorization })
        .filter(a => a.kind === 'unauthorized-product')
        .map(a => [a.productId, a.previous]);

    // Without lists nothing is unauthorized (oracle-ee going from 0 to 4 is still a jump).
    expect(
      licenseAnomalies(before, after, { date: DAY }).map(a => [
        a.kind,
        a.productId,
      ]),
    ).toEqual([['license-consumption-jump', 'oracle-ee']]);
    expect(unauthorized({ allowedProductIds: ['rhel', 'oracle-ee'] })).toEqual([
      ['winrar', null],
    ]);
    expect(unauthorized({ blockedProductIds: ['oracle-ee', 'rhel'] })).toEqual([
      ['oracle-ee', 0],
    ]);
    // In use before: not appearing, even though it is blocked.
    expect(
      licenseAnomalies(after, after, {
        date: DAY,
        authorization: { blockedProductIds: ['rhel'] },
      }),
    ).toEqual([]);
  });
});
