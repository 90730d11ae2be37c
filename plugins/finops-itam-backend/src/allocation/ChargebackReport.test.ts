import { CostCenterResolver, monthPeriod } from './ChargebackReport';
import { testEntity } from './__testUtils__/facts';

const CC = 'finops-itam.io/cost-center';

describe('CostCenterResolver', () => {
  const resolver = new CostCenterResolver([
    testEntity('Group', 'org', { annotations: { [CC]: 'CC-ORG' } }),
    testEntity('Group', 'dept', { spec: { parent: 'org' } }),
    testEntity('Group', 'team', {
      annotations: { [CC]: ' CC-T ' },
      spec: { parent: 'dept' },
    }),
    testEntity('Group', 'loop-a', { spec: { parent: 'loop-b' } }),
    testEntity('Group', 'loop-b', { spec: { parent: 'loop-a' } }),
    testEntity('Component', 'web', { spec: { owner: 'team' } }),
    testEntity('Component', 'api', { spec: { owner: 'group:default/dept' } }),
    testEntity('Component', 'spin', { spec: { owner: 'loop-a' } }),
  ]);

  it('takes the nearest cost center up the owner and parent groups', () => {
    expect(resolver.attribute('component:default/web')).toEqual({
      costCenter: 'CC-T',
      group: 'group:default/team',
    });
    expect(resolver.attribute('component:default/api')).toEqual({
      costCenter: 'CC-ORG',
      group: 'group:default/org',
    });
    expect(resolver.attribute('group:default/dept')).toEqual({
      costCenter: 'CC-ORG',
      group: 'group:default/org',
    });
  });

  it('stops at cycles and unknown entities', () => {
    expect(resolver.attribute('component:default/spin')).toEqual({
      costCenter: null,
      group: 'group:default/loop-a',
    });
    expect(resolver.attribute('component:default/unknown')).toEqual({
      costCenter: null,
      group: null,
    });
  });
});

it('turns a month into a half-open period', () => {
  expect(monthPeriod('2026-12')).toEqual({
    from: '2026-12-01',
    to: '2027-01-01',
  });
  expect(monthPeriod('2028-02')).toEqual({
    from: '2028-02-01',
    to: '2028-03-01',
  });
});
