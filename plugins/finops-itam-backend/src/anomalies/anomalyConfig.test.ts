import { ConfigReader } from '@backstage/config';
import { readAnomalyConfig } from './anomalyConfig';

const read = (finopsItam: object) =>
  readAnomalyConfig(new ConfigReader({ finopsItam }));

describe('readAnomalyConfig', () => {
  it('fills in the defaults of issue 16: lag 2, history 14, threshold 3, 10 %, daily, components', () => {
    const settings = read({});

    expect(settings).toMatchObject({
      enabled: true,
      lagDays: 2,
      minHistoryDays: 14,
      threshold: 3,
      minImpactPercent: 10,
      minImpact: {},
      digest: false,
      lookbackDays: 30,
      entityKinds: ['component'],
      blockedProducts: [],
    });
    expect(settings.schedule.frequency).toEqual({ hours: 24 });
  });

  it('reads minimum impacts per currency, kinds in lowercase and the blocked products of licenses and policies', () => {
    const settings = read({
      anomalies: {
        minImpact: { USD: '50.00', JPY: '5000' },
        entityKinds: ['Component', 'System'],
        digest: true,
      },
      licenses: { unauthorizedProducts: ['oracle-database-enterprise'] },
      policies: { blockedProducts: ['some-freeware'] },
    });

    expect(settings.minImpact).toEqual({ USD: '50.00', JPY: '5000' });
    expect(settings.entityKinds).toEqual(['component', 'system']);
    expect(settings.digest).toBe(true);
    expect(settings.blockedProducts).toEqual([
      'oracle-database-enterprise',
      'some-freeware',
    ]);
  });

  it('stops start-up naming the key and the reason of each mistake', () => {
    expect(() =>
      read({
        anomalies: { lagDays: -1, minImpact: { USD: '-5' }, threshold: 0 },
      }),
    ).toThrow(
      /finopsItam\.anomalies\.lagDays must be at least 0.*finopsItam\.anomalies\.threshold must be above 0.*finopsItam\.anomalies\.minImpact\.USD must be a decimal amount/,
    );
    expect(() => read({ anomalies: { minHistoryDays: 40 } })).toThrow(
      'Invalid finopsItam.anomalies.minHistoryDays: at most 28',
    );
    expect(() => read({ anomalies: { threshhold: 4 } })).toThrow(
      /Unrecognized key/,
    );
  });
});
