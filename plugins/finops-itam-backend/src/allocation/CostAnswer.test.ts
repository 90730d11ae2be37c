import { CostAnswer } from './CostAnswer';

describe('CostAnswer', () => {
  // A non-ASCII service name: bytes and characters differ.
  const cost = JSON.stringify({
    entityRef: 'component:default/checkout',
    service: 'Zürich DC',
    total: '1.5',
  });
  const running = JSON.stringify({
    state: 'running',
    lastRunAt: '2026-11-27T10:00:00.000Z',
  });
  const current = JSON.stringify({
    state: 'current',
    lastRunAt: '2026-11-27T10:05:00.000Z',
  });
  const parsed = (body: Buffer) => JSON.parse(body.toString('utf8'));

  it('sends the cost with the allocation status as its last member', () => {
    const sent = new CostAnswer(cost, running).withStatus(running);
    expect(parsed(sent.body)).toEqual({
      entityRef: 'component:default/checkout',
      service: 'Zürich DC',
      total: '1.5',
      allocation: { state: 'running', lastRunAt: '2026-11-27T10:00:00.000Z' },
    });
  });

  it('replaces the status in the bytes, with a new ETag, and keeps the bytes of an unchanged status', () => {
    const answer = new CostAnswer(cost, running);
    const first = answer.withStatus(running);
    expect(answer.withStatus(running)).toBe(first);
    expect(new CostAnswer(cost, running).withStatus(running).etag).toBe(
      first.etag,
    );

    const later = answer.withStatus(current);
    expect(later.etag).not.toBe(first.etag);
    expect(parsed(later.body)).toEqual({
      ...parsed(first.body),
      allocation: JSON.parse(current),
    });
    expect(parsed(answer.withStatus(running).body)).toEqual(parsed(first.body));
  });
});
