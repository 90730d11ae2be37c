import { CostDetailRow, MAX_RESOURCES, costBreakdowns } from './costBreakdowns';

const row = (
  r: Partial<CostDetailRow> & { amount: string },
): CostDetailRow => ({
  serviceName: 'Amazon EC2',
  serviceCategory: 'Compute',
  chargeCategory: 'Usage',
  resourceId: null,
  resourceName: null,
  ...r,
});

describe('costBreakdowns', () => {
  it('sums by service, charge category and resource, costliest first', () => {
    const result = costBreakdowns([
      row({ resourceId: 'i-1', amount: '1.5' }),
      row({
        resourceId: 'i-1',
        serviceName: 'Amazon EBS',
        serviceCategory: 'Storage',
        amount: '0.25',
      }),
      row({ resourceId: 'i-2', amount: '3' }),
      row({
        chargeCategory: 'Tax',
        serviceName: null,
        serviceCategory: null,
        amount: '0.1',
      }),
    ]);
    expect(result.byService).toEqual([
      { serviceName: 'Amazon EC2', serviceCategory: 'Compute', total: '4.5' },
      { serviceName: 'Amazon EBS', serviceCategory: 'Storage', total: '0.25' },
      { serviceName: null, serviceCategory: null, total: '0.1' },
    ]);
    expect(result.byChargeCategory).toEqual([
      { chargeCategory: 'Usage', total: '4.75' },
      { chargeCategory: 'Tax', total: '0.1' },
    ]);
    // A resource's service is the one with most of its cost; facts without a resource form one line.
    expect(result.byResource).toEqual([
      {
        resourceId: 'i-2',
        resourceName: null,
        serviceName: 'Amazon EC2',
        total: '3',
      },
      {
        resourceId: 'i-1',
        resourceName: null,
        serviceName: 'Amazon EC2',
        total: '1.75',
      },
      { resourceId: null, resourceName: null, serviceName: null, total: '0.1' },
    ]);
  });

  it(`lists at most ${MAX_RESOURCES} resources, ties in a stable order`, () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      row({
        resourceId: `r-${String(i).padStart(3, '0')}`,
        amount: i < 120 ? '1' : '2',
      }),
    );
    const { byResource } = costBreakdowns(rows.reverse());
    expect(byResource).toHaveLength(MAX_RESOURCES);
    expect(byResource.slice(0, 30).every(r => r.total === '2')).toBe(true);
    expect(byResource[0].resourceId).toBe('r-120');
    expect(byResource[30]).toMatchObject({ resourceId: 'r-000', total: '1' });
  });
});
