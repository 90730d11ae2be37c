import { ConfigReader } from '@backstage/config';
import { readAccountability } from './accountabilityConfig';

const read = (accountability?: object) =>
  readAccountability(
    new ConfigReader({
      finopsItam: accountability ? { accountability } : {},
    }),
  );

describe('readAccountability', () => {
  it('by default the owning team decides its budget and anomalies, ITAM licenses and onboarding, FinOps shared costs and exceptions', () => {
    const accountability = read();
    const summary = accountability.list().map(d => ({
      id: d.id,
      decides: d.decides.role,
      consulted: d.consulted.map(c => c.role),
    }));
    expect(summary).toEqual([
      { id: 'budget', decides: 'owner', consulted: ['finance', 'finops'] },
      {
        id: 'license-purchase',
        decides: 'itam',
        consulted: ['procurement', 'finance', 'owner'],
      },
      {
        id: 'shared-cost-method',
        decides: 'finops',
        consulted: ['finance', 'owner'],
      },
      {
        id: 'onboarding-approval',
        decides: 'itam',
        consulted: ['finops', 'owner'],
      },
      { id: 'anomaly-resolution', decides: 'owner', consulted: ['finops'] },
      {
        id: 'policy-exception',
        decides: 'finops',
        consulted: ['itam', 'owner'],
      },
    ]);
    expect(
      accountability.list().every(d => d.source.url.startsWith('https://')),
    ).toBe(true);
  });

  it('names the owning group and leaves unconfigured roles without a group', () => {
    const budget = read().forDecision('budget', 'group:default/Team-Checkout');
    expect(budget.decides).toEqual({
      role: 'owner',
      title: 'Owning team',
      ref: 'group:default/team-checkout',
    });
    expect(budget.consulted).toEqual([
      { role: 'finance', title: 'Finance', ref: null },
      { role: 'finops', title: 'FinOps team', ref: null },
    ]);
  });

  it('puts the configured groups behind the roles and takes decisions overridden by role or group', () => {
    const accountability = read({
      roles: {
        finops: 'group:default/Team-FinOps',
        itam: 'team-itam',
        procurement: 'group:corp/purchasing',
      },
      decisions: {
        'license-purchase': {
          decides: 'procurement',
          consulted: ['itam', 'group:default/cfo-office'],
        },
        'anomaly-resolution': { consulted: ['finops', 'itam'] },
      },
    });
    const purchase = accountability.forDecision('license-purchase', null);
    expect(purchase.decides).toEqual({
      role: 'procurement',
      title: 'Procurement',
      ref: 'group:corp/purchasing',
    });
    expect(purchase.consulted).toEqual([
      {
        role: 'itam',
        title: 'IT asset management',
        ref: 'group:default/team-itam',
      },
      {
        role: null,
        title: 'group:default/cfo-office',
        ref: 'group:default/cfo-office',
      },
    ]);
    const anomaly = accountability.forDecision(
      'anomaly-resolution',
      'group:default/team-search',
    );
    expect(anomaly.decides.ref).toBe('group:default/team-search');
    expect(anomaly.consulted.map(c => c.ref)).toEqual([
      'group:default/team-finops',
      'group:default/team-itam',
    ]);
    expect(
      accountability.forDecision('onboarding-approval', null).decides.ref,
    ).toBe('group:default/team-itam');
  });

  it('refuses mistakes naming the key', () => {
    expect(() => read({ roles: { owner: 'group:default/x' } })).toThrow(
      /^Invalid finopsItam\.accountability\.roles\.owner: /,
    );
    expect(() => read({ roles: { legal: 'group:default/legal' } })).toThrow(
      /^Invalid finopsItam\.accountability\.roles\.legal: unknown role/,
    );
    expect(() => read({ roles: { finops: 'user:' } })).toThrow(
      /^Invalid finopsItam\.accountability\.roles\.finops: "user:" is neither a role/,
    );
    expect(() =>
      read({ decisions: { 'budget-approval': { decides: 'finance' } } }),
    ).toThrow(
      /^Invalid finopsItam\.accountability\.decisions\.budget-approval: unknown decision/,
    );
    expect(() =>
      read({ decisions: { budget: { consulted: ['finance', ' '] } } }),
    ).toThrow(
      'Invalid finopsItam.accountability.decisions.budget.consulted[1]: must not be empty',
    );
    expect(() =>
      read({ decisions: { budget: { informed: ['finance'] } } }),
    ).toThrow(
      /^Invalid finopsItam\.accountability\.decisions\.budget\.informed: unknown setting/,
    );
    expect(() => read({ owners: {} })).toThrow(
      /^Invalid finopsItam\.accountability\.owners: unknown setting/,
    );
  });
});
