import { allocationMaturity, kpiPercent } from './kpiFormat';

describe('kpiPercent', () => {
  it('rounds the exact ratio half up to one decimal', () => {
    expect(kpiPercent('0.0625')).toBe('6.3%');
    expect(kpiPercent('0.06249999999999999999')).toBe('6.2%');
    expect(kpiPercent('1')).toBe('100.0%');
  });

  it('keeps negative savings (paying above list) and never shows -0.0', () => {
    expect(kpiPercent('-0.125')).toBe('-12.5%');
    expect(kpiPercent('-0.0000001')).toBe('0.0%');
  });

  it('shows a dash when there is nothing to measure', () => {
    expect(kpiPercent(null)).toBe('—');
  });
});

describe('allocationMaturity', () => {
  it('puts allocation coverage in the FinOps Foundation bands, exactly at the edges', () => {
    expect(allocationMaturity('0.7999999999')).toBe('below-crawl');
    expect(allocationMaturity('0.8')).toBe('crawl');
    expect(allocationMaturity('0.89995')).toBe('crawl');
    expect(allocationMaturity('0.9')).toBe('run');
    expect(allocationMaturity(null)).toBeUndefined();
  });
});
