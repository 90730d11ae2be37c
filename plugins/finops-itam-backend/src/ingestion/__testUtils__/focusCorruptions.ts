import fc from 'fast-check';
import {
  CsvStyle,
  GeneratedFile,
  GeneratedRow,
  csvCells,
  csvStyleArbitrary,
  focusFileArbitrary,
  joinCsv,
  quote,
} from './focusArbitraries';

/**
 * Broken and hostile variants of a valid FOCUS CSV, each with what a correct ingestion does
 * with it: store exactly the money of `rows`, or reject the file with a message that says
 * what is wrong and where.
 */
export type CorruptionOutcome =
  | { kind: 'exact'; rows: GeneratedRow[] }
  | { kind: 'reject'; message: RegExp };

export interface CorruptedFile {
  /** What was done, for the counterexample fast-check prints. */
  name: string;
  text: string;
  outcome: CorruptionOutcome;
}

interface Base {
  file: GeneratedFile;
  style: CsvStyle;
  /** Picks the affected row (any number; taken modulo the row count). */
  pick: number;
}

const baseArbitrary = (maxRows: number): fc.Arbitrary<Base> =>
  fc.record({
    file: focusFileArbitrary(maxRows),
    style: csvStyleArbitrary,
    pick: fc.nat(),
  });

/** The CSV line of data row `index` (0-based), when no cell before it holds a line break. */
const lineOf = (index: number) => index + 2;

/** "line N" or "row N" as a whole word, so line 1 does not match line 12. */
const at = (what: 'line' | 'row', n: number) => `\\b${what} ${n}\\b`;

/** Column index of a FOCUS column in the generated file (its header may differ in case). */
const columnIndex = (file: GeneratedFile, column: string) =>
  file.sources.indexOf(column);

/** The last row loses its tail: at least one field is missing, maybe inside a quote. */
const cutLastRow = baseArbitrary(6).chain(({ file, style }) =>
  fc
    .record({
      keep: fc.integer({ min: 1, max: file.header.length - 1 }),
      partial: fc.nat(),
    })
    .map(({ keep, partial }): CorruptedFile => {
      const lines = csvCells(file, style);
      const last = lines[lines.length - 1];
      const cut = last[keep];
      const cutLine = [...last.slice(0, keep - 1), last[keep - 1]];
      const tail = cut.slice(0, partial % (cut.length + 1));
      const text = joinCsv(
        [...lines.slice(0, -1), tail ? [...cutLine, tail] : cutLine],
        { ...style, finalNewline: false },
      );
      return {
        name: `last row cut after field ${keep}${tail ? ` and "${tail}"` : ''}`,
        text,
        outcome: {
          kind: 'reject',
          message: new RegExp(at('line', lineOf(file.rows.length - 1)), 'i'),
        },
      };
    }),
);

/** One row misses one field in the middle of the file. */
const missingField = baseArbitrary(6).chain(({ file, style, pick }) =>
  fc.nat({ max: file.header.length - 1 }).map((drop): CorruptedFile => {
    const row = pick % file.rows.length;
    const lines = csvCells(file, style);
    lines[row + 1] = lines[row + 1].filter((_, i) => i !== drop);
    return {
      name: `row ${row + 1} without field ${drop + 1}`,
      text: joinCsv(lines, style),
      outcome: {
        kind: 'reject',
        message: new RegExp(at('line', lineOf(row)), 'i'),
      },
    };
  }),
);

/** A cell of the given column replaced by `value` in one row: that row must be named. */
function replaceCell(
  { file, style, pick }: Base,
  column: string,
  value: string,
): { text: string; row: number } {
  const row = pick % file.rows.length;
  const lines = csvCells(file, style);
  lines[row + 1][columnIndex(file, column)] = quote(value, style);
  return { text: joinCsv(lines, style), row };
}

const NOT_AMOUNTS = [
  'abc',
  '1.2.3',
  '$5',
  '--1',
  '12,5',
  'NaN',
  'Infinity',
  '1e400',
  '0x10',
  '١٢٣',
];

/** A cell of one of `columns` replaced by one of `values`: rejected naming row and column. */
function wrongCell(columns: string[], values: string[]) {
  return fc
    .record({
      base: baseArbitrary(6),
      column: fc.constantFrom(...columns),
      value: fc.constantFrom(...values),
    })
    .map(({ base, column, value }): CorruptedFile => {
      const { text, row } = replaceCell(base, column, value);
      return {
        name: `${column} of row ${row + 1} is "${value}"`,
        text,
        outcome: {
          kind: 'reject',
          message: new RegExp(`${at('row', row + 1)}.*${column}`, 'i'),
        },
      };
    });
}

const wrongAmount = wrongCell(['BilledCost', 'EffectiveCost'], NOT_AMOUNTS);

const NOT_DATES = [
  'yesterday',
  '2026-13-01',
  '2026-02-30T00:00:00Z',
  '01/02/2026',
  '2026-01-01T25:00:00Z',
];

const wrongDate = wrongCell(
  ['BillingPeriodStart', 'ChargePeriodStart', 'ChargePeriodEnd'],
  NOT_DATES,
);

/**
 * A charge period that ends thousands of years after it starts: a typo or a hostile file;
 * spread over its days it would be millions of facts.
 */
const endlessChargePeriod = fc
  .record({
    base: baseArbitrary(6),
    value: fc.constantFrom('9999-12-31T00:00:00Z', '2999-01-01'),
  })
  .map(({ base, value }): CorruptedFile => {
    const file = {
      ...base.file,
      rows: base.file.rows.map(r => ({
        ...r,
        cells: { ...r.cells, ChargeFrequency: 'Recurring' },
      })),
    };
    const { text, row } = replaceCell(
      { ...base, file },
      'ChargePeriodEnd',
      value,
    );
    return {
      name: `ChargePeriodEnd of row ${row + 1} is "${value}"`,
      text,
      outcome: {
        kind: 'reject',
        message: new RegExp(`${at('row', row + 1)}.*ChargePeriodEnd`, 'i'),
      },
    };
  });

/** A FOCUS column twice in the header, with other values: which one counts is unknowable. */
const duplicatedFocusHeader = fc
  .record({
    base: baseArbitrary(6),
    column: fc.constantFrom(
      'BilledCost',
      'EffectiveCost',
      'BillingCurrency',
      'ChargePeriodStart',
    ),
    lower: fc.boolean(),
  })
  .map(({ base: { file, style }, column, lower }): CorruptedFile => {
    const lines = csvCells(file, style);
    lines[0].push(quote(lower ? column.toLowerCase() : column, style));
    for (const cells of lines.slice(1)) cells.push('0');
    return {
      name: `header has ${column} twice`,
      text: joinCsv(lines, style),
      outcome: {
        kind: 'reject',
        message: new RegExp(`${column}.*(twice|more than once|duplicate)`, 'i'),
      },
    };
  });

/** An unknown column twice changes nothing the importer reads. */
const duplicatedExtraHeader = baseArbitrary(6).map(
  ({ file, style }): CorruptedFile => {
    const lines = csvCells(file, style);
    lines[0].push('x_Note', 'x_Note');
    for (const cells of lines.slice(1)) cells.push('a', 'b');
    return {
      name: 'header has x_Note twice',
      text: joinCsv(lines, style),
      outcome: { kind: 'exact', rows: file.rows },
    };
  },
);

/** Excel's way: a BOM, CRLF line ends, every cell quoted, semicolons in some locales. */
const excelStyle = fc
  .record({ base: baseArbitrary(6), semicolons: fc.boolean() })
  .map(({ base: { file }, semicolons }): CorruptedFile => {
    const style: CsvStyle = {
      delimiter: semicolons ? ';' : ',',
      bom: true,
      lineEnd: '\r\n',
      quoteAll: true,
      finalNewline: true,
    };
    return {
      name: `BOM, CRLF and quoted cells${semicolons ? ', semicolons' : ''}`,
      text: joinCsv(csvCells(file, style), style),
      outcome: { kind: 'exact', rows: file.rows },
    };
  });

/** Line breaks inside quoted text cells, which CSV allows. */
const quotedNewlines = fc
  .record({
    base: baseArbitrary(6),
    breakStyle: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ base: { file, style }, breakStyle }): CorruptedFile => {
    const rows = file.rows.map(r => ({
      ...r,
      cells: {
        ...r.cells,
        ServiceName: `${r.cells.ServiceName}${breakStyle}second line`,
      },
    }));
    return {
      name: `ServiceName cells hold ${JSON.stringify(breakStyle)}`,
      text: joinCsv(csvCells({ ...file, rows }, style), style),
      outcome: { kind: 'exact', rows },
    };
  });

const WIDE = 10_000;

/** One row with 10,000 fields under a header of far fewer. */
const wideRow = baseArbitrary(6).map(({ file, style, pick }): CorruptedFile => {
  const row = pick % file.rows.length;
  const lines = csvCells(file, style);
  lines[row + 1] = [
    ...lines[row + 1],
    ...Array(WIDE - lines[row + 1].length).fill('7'),
  ];
  return {
    name: `row ${row + 1} has ${WIDE} fields`,
    text: joinCsv(lines, style),
    outcome: {
      kind: 'reject',
      message: new RegExp(at('line', lineOf(row)), 'i'),
    },
  };
});

/** A header and rows of 10,000 columns, nearly all unknown to FOCUS. */
const wideFile = baseArbitrary(3).map(({ file, style }): CorruptedFile => {
  const extra = WIDE - file.header.length;
  const lines = csvCells(file, style);
  lines[0].push(...Array.from({ length: extra }, (_, i) => `x_Extra${i}`));
  for (const cells of lines.slice(1)) cells.push(...Array(extra).fill('1'));
  return {
    name: `${WIDE} columns`,
    text: joinCsv(lines, style),
    outcome: { kind: 'exact', rows: file.rows },
  };
});

/** Tags of one row replaced by `tags`; the column is added when the file has none. */
function withTags(base: Base, tags: string): { text: string; row: number } {
  const file =
    columnIndex(base.file, 'Tags') >= 0
      ? base.file
      : {
          ...base.file,
          header: [...base.file.header, 'Tags'],
          sources: [...base.file.sources, 'Tags'],
        };
  return replaceCell({ ...base, file }, 'Tags', tags);
}

/** A 1 MB tag value: kept or refused, it must not take the money with it. */
const hugeTag = baseArbitrary(6).map((base): CorruptedFile => {
  const { text, row } = withTags(
    base,
    JSON.stringify({ note: 'x'.repeat(1024 * 1024) }),
  );
  return {
    name: `row ${row + 1} has a 1 MB tag value`,
    text,
    outcome: { kind: 'exact', rows: base.file.rows },
  };
});

/** Tags nested thousands of levels deep. */
const deepTags = fc
  .record({
    base: baseArbitrary(6),
    depth: fc.constantFrom(64, 1_000, 20_000),
  })
  .map(({ base, depth }): CorruptedFile => {
    const nested = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
    const { text, row } = withTags(base, nested);
    return {
      name: `row ${row + 1} has Tags nested ${depth} deep`,
      text,
      outcome: { kind: 'exact', rows: base.file.rows },
    };
  });

/** Amounts near the largest storable one: their sum overflows DuckDB's DECIMAL(38) and PostgreSQL's numeric(38,16). */
const hugeAmounts = baseArbitrary(6).map(({ file, style }): CorruptedFile => {
  const huge = '9'.repeat(22);
  const units = BigInt(huge) * 10n ** 16n;
  const rows = file.rows.map(r => ({
    ...r,
    cells: { ...r.cells, BilledCost: huge, EffectiveCost: `-${huge}` },
    billedUnits: units,
    effectiveUnits: -units,
  }));
  return {
    name: `every row costs ${huge}`,
    text: joinCsv(csvCells({ ...file, rows }, style), style),
    // One such row fits the store; two could already sum past it.
    outcome:
      rows.length === 1
        ? { kind: 'exact', rows }
        : {
            kind: 'reject',
            message: new RegExp(
              `amounts as large as ${huge} over ${rows.length} rows`,
            ),
          },
  };
});

/** A NUL character inside a text cell: valid UTF-8, but no PostgreSQL text can hold it. */
const nulInText = fc
  .record({
    base: baseArbitrary(6),
    column: fc.constantFrom('ServiceName', 'BillingAccountId'),
  })
  .map(({ base, column }): CorruptedFile => {
    const row = base.pick % base.file.rows.length;
    const value = `${base.file.rows[row].cells[column]}\u0000x`;
    const { text } = replaceCell(base, column, value);
    return {
      name: `${column} of row ${row + 1} holds a NUL character`,
      text,
      outcome: {
        kind: 'reject',
        // Within the first 512 bytes it is taken for a binary file, which it then is.
        message: new RegExp(
          `${at('row', row + 1)}.*${column}|starts with binary data`,
          'i',
        ),
      },
    };
  });

export const corruptionArbitrary: fc.Arbitrary<CorruptedFile> = fc.oneof(
  cutLastRow,
  missingField,
  wrongAmount,
  wrongDate,
  endlessChargePeriod,
  duplicatedFocusHeader,
  duplicatedExtraHeader,
  excelStyle,
  quotedNewlines,
  wideRow,
  wideFile,
  hugeTag,
  deepTags,
  hugeAmounts,
  nulInText,
);
