import { nextSort } from './sortState';

describe('nextSort', () => {
  it('flips the column the table is sorted by', () => {
    expect(nextSort({ by: 'cost', direction: 'desc' }, 'cost', 'desc')).toEqual(
      { by: 'cost', direction: 'asc' },
    );
    expect(nextSort({ by: 'cost', direction: 'asc' }, 'cost', 'desc')).toEqual({
      by: 'cost',
      direction: 'desc',
    });
  });

  it('starts another column with its first direction', () => {
    expect(nextSort({ by: 'cost', direction: 'asc' }, 'name', 'asc')).toEqual({
      by: 'name',
      direction: 'asc',
    });
    expect(nextSort({ by: 'name', direction: 'asc' }, 'cost', 'desc')).toEqual({
      by: 'cost',
      direction: 'desc',
    });
  });
});
