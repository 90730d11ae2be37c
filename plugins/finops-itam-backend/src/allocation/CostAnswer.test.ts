import { CostAnswer } from './CostAnswer';

describe('CostAnswer', () => {
  const answer = () =>
    new CostAnswer(
      JSON.stringify({ entityRef: 'component:default/checkout', total: '1.5' }),
    );
  const running = JSON.stringify({
    state: 'running',
    lastRunAt: '2026-11-27T10:00:00.000Z',
  });
  const current = JSON.stringify({
    state: 'current',
    lastRunAt: '2026-11-27T10:05:00.000Z',
  });

  it('sends the cost with the allocation status as its last member', () => {
    const sent = answer().withStatus(running);
    expect(JSON.parse(sent.body.toString('utf8'))).toEqual({
      entityRef: 'component:default/checkout',
      total: '1.5',
      allocation: { state: 'running', lastRunAt: '2026-11-27T10:00:00.000Z' },
    });
  });

  it('gives the same bytes and ETag for the same status, and another ETag for another status', () => {
    const cost = answer();
    const first = cost.withStatus(running);
    expect(cost.withStatus(running)).toBe(first);
    expect(answer().withStatus(running).etag).toBe(first.etag);

    const later = cost.withStatus(current);
    expect(later.etag).not.toBe(first.etag);
    expect(JSON.parse(later.body.toString('utf8')).allocation.state).toBe(
      'current',
    );
  });
});
