import { z } from 'zod';
import { memoizedQueryParser, periodQuery } from './costPeriod';

describe('memoizedQueryParser', () => {
  it('parses a query string once and shares the frozen result', () => {
    const schema = periodQuery.extend({});
    const safeParse = jest.spyOn(schema, 'safeParse');
    const parse = memoizedQueryParser(schema);

    const first = parse('?from=2026-11-01', { from: '2026-11-01' });
    const again = parse('?from=2026-11-01', { from: '2026-11-01' });

    expect(first).toEqual({ from: '2026-11-01', basis: 'amortized' });
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(safeParse).toHaveBeenCalledTimes(1);
  });

  it('rejects an invalid query every time, naming every problem', () => {
    const parse = memoizedQueryParser(
      periodQuery.extend({ granularity: z.enum(['day', 'month']) }),
    );
    const bad = () =>
      parse('?from=2026-13-01&granularity=week', {
        from: '2026-13-01',
        granularity: 'week',
      });

    expect(bad).toThrow(
      /Invalid query: from is not a valid date; granularity Invalid enum value/,
    );
    expect(bad).toThrow(/from is not a valid date; granularity/);
  });
});
