import { metricNameProblem, validateMetricRows } from './metricValidation';

describe('validateMetricRows', () => {
  it('normalises refs to lowercase and values to plain decimals', () => {
    expect(
      validateMetricRows([
        {
          entityRef: ' Component:Default/Checkout ',
          date: '2028-02-29',
          value: '0012.500',
        },
        { entityRef: 'resource:orders-db', date: '2026-11-01', value: 3 },
        {
          entityRef: 'component:default/search',
          date: '2026-11-01',
          value: 2.5,
        },
      ]),
    ).toEqual({
      rows: [
        {
          entityRef: 'component:default/checkout',
          day: '2028-02-29',
          value: '12.5',
        },
        {
          entityRef: 'resource:default/orders-db',
          day: '2026-11-01',
          value: '3',
        },
        {
          entityRef: 'component:default/search',
          day: '2026-11-01',
          value: '2.5',
        },
      ],
      rejections: [],
    });
  });

  it('names rows as the caller counts them', () => {
    const { rejections } = validateMetricRows(
      [{ entityRef: 'x', date: '2026-11-01', value: '1' }],
      i => i + 2,
    );
    expect(rejections).toEqual([
      {
        row: 2,
        field: 'entityRef',
        reason: expect.stringContaining('"x" is not an entity ref'),
      },
    ]);
  });

  it.each([
    [
      'too many decimals',
      '0.00000000000000001',
      /at most 24 digits before and 16 after/,
    ],
    [
      'a float sum with binary noise',
      0.1 + 0.2,
      /"0.30000000000000004" is not a plain decimal/,
    ],
    ['a thousands separator', '1,000', /not a plain decimal/],
    ['infinity', Infinity, /not a plain decimal/],
    ['a boolean', true, /must be a decimal number/],
    ['an empty string', '', /not a plain decimal/],
  ])('rejects %s as a value', (_, value, reason) => {
    const { rows, rejections } = validateMetricRows([
      { entityRef: 'component:default/a', date: '2026-11-01', value },
    ]);
    expect(rows).toEqual([]);
    expect(rejections).toEqual([
      { row: 0, field: 'value', reason: expect.stringMatching(reason) },
    ]);
  });

  it.each(['2026-13-01', '2026-00-10', '2026-02-29', '2026-04-31'])(
    'rejects %s as a date that is not in the calendar',
    day => {
      expect(
        validateMetricRows([
          { entityRef: 'component:default/a', date: day, value: '1' },
        ]).rejections,
      ).toEqual([
        { row: 0, field: 'date', reason: `"${day}" is not a calendar date` },
      ]);
    },
  );

  it('reports every missing field of a row', () => {
    expect(
      validateMetricRows([{}]).rejections.map(r => `${r.field}: ${r.reason}`),
    ).toEqual([
      'entityRef: is required',
      'date: is required',
      'value: must be a decimal number (string or number), at least 0',
    ]);
  });
});

describe('metricNameProblem', () => {
  it('accepts the names the unit-metric annotation accepts', () => {
    expect(metricNameProblem('orders')).toBeNull();
    expect(metricNameProblem('product-views')).toBeNull();
    expect(metricNameProblem('cpu_hours')).toBeNull();
    expect(metricNameProblem('Orders')).toMatch(
      /"Orders" is not a metric name/,
    );
    expect(metricNameProblem('a'.repeat(129))).toMatch(/1 to 128/);
  });
});
