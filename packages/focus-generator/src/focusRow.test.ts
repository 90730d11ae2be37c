import { onDemandCharge } from './charges';
import { csvLine } from './csvWriter';
import { demoCatalog } from './demoCatalog';
import { FOCUS_COLUMNS, rowValues } from './focusColumns';
import { buildRow, RowEncoder } from './focusRow';
import { dec } from './money';

describe('RowEncoder', () => {
  it('writes the same line as encoding the whole row, for every demo line', () => {
    const encoder = new RowEncoder();
    const period = {
      startDay: '2026-10-01',
      start: '2026-10-01T00:00:00Z',
      end: '2026-11-01T00:00:00Z',
    };
    for (const line of demoCatalog().lines) {
      const charge = onDemandCharge(line, dec('1.5'), {
        start: '2026-10-02T00:00:00Z',
        end: '2026-10-03T00:00:00Z',
      });
      const row = buildRow(line, charge, period, '1234567890');
      expect(Object.keys(row).sort()).toEqual([...FOCUS_COLUMNS].sort());
      const expected = csvLine(rowValues(row));
      // Twice: the second call uses the cached subject columns.
      expect(encoder.encode(line, charge, period, '1234567890')).toBe(expected);
      expect(encoder.encode(line, charge, period, '1234567890')).toBe(expected);
    }
  });
});
