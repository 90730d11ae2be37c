import { ConfigReader } from '@backstage/config';
import { readKpiConfig } from './kpiConfig';

const read = (kpis: unknown) =>
  readKpiConfig(new ConfigReader({ finopsItam: { kpis } } as any));

describe('finopsItam.kpis', () => {
  it('defaults to compute and databases, rebuilt every five minutes', () => {
    const config = readKpiConfig(new ConfigReader({}));
    expect(config.eligibleServiceCategories).toEqual(['Compute', 'Databases']);
    expect(config.rollupSchedule.frequency).toEqual({ minutes: 5 });
  });

  it('takes the eligible service categories and a schedule', () => {
    const config = read({
      eligibleServiceCategories: [' Compute ', 'Analytics'],
      rollupSchedule: { frequency: { minutes: 30 } },
    });
    expect(config.eligibleServiceCategories).toEqual(['Compute', 'Analytics']);
    expect(config.rollupSchedule.frequency).toEqual({ minutes: 30 });
  });

  it('fails at start-up naming the key of a malformed value', () => {
    expect(() => read({ eligibleServiceCategories: 'Compute' })).toThrow(
      'Invalid finopsItam.kpis: finopsItam.kpis.eligibleServiceCategories Expected array, received string',
    );
    expect(() => read({ eligibleServiceCategories: ['Compute', ''] })).toThrow(
      /finopsItam\.kpis\.eligibleServiceCategories\.1 must be a FOCUS ServiceCategory/,
    );
    expect(() => read({ eligibleCategories: ['Compute'] })).toThrow(
      /finopsItam\.kpis .*eligibleCategories/,
    );
    expect(() => read({ rollupSchedule: { frequency: 'often' } })).toThrow(
      /Invalid finopsItam\.kpis\.rollupSchedule/,
    );
  });
});
