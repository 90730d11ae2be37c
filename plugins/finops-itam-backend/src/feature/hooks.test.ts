import { FeatureCapability, FeatureSignal } from './hooks';

describe('feature hooks', () => {
  it('tells every listener of a signal, in the order they listened', () => {
    const signal = new FeatureSignal('cost data changed');
    const heard: string[] = [];
    signal.on(() => heard.push('allocation'));
    signal.on(() => heard.push('license snapshot'));

    signal.announce();
    signal.announce();

    expect(heard).toEqual([
      'allocation',
      'license snapshot',
      'allocation',
      'license snapshot',
    ]);
  });

  it('finds a capability when called, whichever feature was created first', async () => {
    const ingestion = new FeatureCapability<{ ingest(): Promise<string> }>(
      'cost ingestion',
    );
    const callLater = () => ingestion.get().ingest();

    ingestion.offer({ ingest: async () => 'succeeded' });

    await expect(callLater()).resolves.toBe('succeeded');
  });

  it('names a capability nobody offers, and refuses a second offer', () => {
    const entityCost = new FeatureCapability<object>('entity cost');

    expect(() => entityCost.get()).toThrow('No feature offers entity cost');
    entityCost.offer({});
    expect(() => entityCost.offer({})).toThrow(
      'entity cost is offered by two features',
    );
  });
});
