import { DuckDBConnection } from '@duckdb/node-api';
import { fixture } from './__fixtures__';
import { DEFAULT_DUCKDB_LIMITS, quoteLiteral, withDuckDb } from './duckdb';
import {
  FocusColumn,
  MANDATORY_COLUMNS,
  OPTIONAL_COLUMNS,
  guessFocusVersion,
  mapColumns,
} from './focusColumns';
import {
  AGGREGATE_FACTS_SQL,
  buildAggregateSelect,
  buildWarningCountsSelect,
} from './focusSql';

const ALL_COLUMNS: readonly FocusColumn[] = [
  ...MANDATORY_COLUMNS,
  ...OPTIONAL_COLUMNS,
];

/** The file as the reader's text path reads it: every cell text, '' and NULL as null. */
const csv = (name: string) =>
  `read_csv(${quoteLiteral(
    fixture(name),
  )}, header = true, all_varchar = true, nullstr = ['', 'NULL'])`;

async function mappedColumns(connection: DuckDBConnection, source: string) {
  const described = await connection.runAndReadAll(
    `DESCRIBE SELECT * FROM ${source}`,
  );
  return mapColumns(
    described.getRowObjectsJson().map(row => String(row.column_name)),
  );
}

/** The facts one file aggregates to, with the commitment columns, in a stable order. */
async function commitmentFacts(name: string) {
  return withDuckDb(DEFAULT_DUCKDB_LIMITS, async connection => {
    const source = csv(name);
    const mapped = await mappedColumns(connection, source);
    await connection.run(
      `CREATE TEMP TABLE aggregated AS ${buildAggregateSelect(
        source,
        0,
        mapped,
        ALL_COLUMNS,
        'text',
      )}`,
    );
    const facts = (
      await connection.runAndReadAll(
        `SELECT charge_category, resource_id, effective_cost,
           commitment_discount_id, commitment_discount_status,
           commitment_discount_category, commitment_discount_type,
           CAST(commitment_discount_quantity AS VARCHAR) AS commitment_discount_quantity,
           commitment_discount_unit, commitment_program_eligibility_details
         FROM (${AGGREGATE_FACTS_SQL})
         ORDER BY ALL`,
      )
    ).getRowObjectsJson();
    const [warnings] = (
      await connection.runAndReadAll(
        buildWarningCountsSelect(source, mapped, ALL_COLUMNS, 'text'),
      )
    ).getRowObjectsJson();
    return { facts, warnings, version: guessFocusVersion(mapped) };
  });
}

describe('the FOCUS commitment columns in the aggregated facts', () => {
  it('keeps category, type, quantity, unit and 1.4 eligibility, with canonical casing and exact sums', async () => {
    const { facts, warnings, version } = await commitmentFacts(
      'focus-1.4-commitments.csv',
    );
    expect(version).toBe('1.4');
    const ri = '{"CommitmentPrograms":[{"ProgramType":"Reserved Instance"}]}';
    expect(facts).toEqual([
      {
        // The purchase keeps its quantity: the KPIs leave purchases out, not the importer.
        charge_category: 'Purchase',
        resource_id: null,
        effective_cost: '0.0000000000000000',
        commitment_discount_id: 'ri-1',
        commitment_discount_status: null,
        commitment_discount_category: 'Usage',
        commitment_discount_type: 'Reserved Instance',
        commitment_discount_quantity: '8760.0000000000000000',
        commitment_discount_unit: 'Hours',
        // The file has the column, the cell is empty: eligible for no program.
        commitment_program_eligibility_details: '',
      },
      {
        charge_category: 'Usage',
        resource_id: 'bucket-1',
        effective_cost: '0.0200000000000000',
        commitment_discount_id: null,
        commitment_discount_status: null,
        commitment_discount_category: null,
        commitment_discount_type: null,
        commitment_discount_quantity: null,
        commitment_discount_unit: null,
        commitment_program_eligibility_details: '',
      },
      {
        // Two hours of the same reservation ("used"/"usage" written in lower case): one fact,
        // the quantity summed exactly.
        charge_category: 'Usage',
        resource_id: 'vm-1',
        effective_cost: '0.1200000000000000',
        commitment_discount_id: 'ri-1',
        commitment_discount_status: 'Used',
        commitment_discount_category: 'Usage',
        commitment_discount_type: 'Reserved Instance',
        commitment_discount_quantity: '2.0000000000000001',
        commitment_discount_unit: 'Hours',
        commitment_program_eligibility_details: ri,
      },
      {
        // "seven cents" is no quantity: stored as unknown, the row kept.
        charge_category: 'Usage',
        resource_id: 'vm-2',
        effective_cost: '0.0700000000000000',
        commitment_discount_id: 'sp-1',
        commitment_discount_status: 'Used',
        commitment_discount_category: 'Spend',
        commitment_discount_type: 'Savings Plan',
        commitment_discount_quantity: null,
        commitment_discount_unit: 'USD',
        commitment_program_eligibility_details:
          '{"CommitmentPrograms":[{"ProgramType":"Savings Plan"}]}',
      },
      {
        // Not a JSON object: kept as written, so the KPIs count its eligibility as unknown.
        charge_category: 'Usage',
        resource_id: 'vm-3',
        effective_cost: '0.1000000000000000',
        commitment_discount_id: null,
        commitment_discount_status: null,
        commitment_discount_category: null,
        commitment_discount_type: null,
        commitment_discount_quantity: null,
        commitment_discount_unit: null,
        commitment_program_eligibility_details: 'Savings Plan',
      },
      {
        // The unused remainder has no resource (nulls sort last).
        charge_category: 'Usage',
        resource_id: null,
        effective_cost: '0.0300000000000000',
        commitment_discount_id: 'ri-1',
        commitment_discount_status: 'Unused',
        commitment_discount_category: 'Usage',
        commitment_discount_type: 'Reserved Instance',
        commitment_discount_quantity: '0.5000000000000000',
        commitment_discount_unit: 'Hours',
        commitment_program_eligibility_details: ri,
      },
    ]);
    expect(warnings).toMatchObject({
      count_CommitmentDiscountQuantity: '1',
      count_CommitmentProgramEligibilityDetails: '1',
    });
  });

  it('stores no eligibility (NULL) for an export without the FOCUS 1.4 column', async () => {
    const { facts, version } = await commitmentFacts('focus-1.2.csv');
    expect(version).toBe('1.2');
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact.commitment_program_eligibility_details).toBeNull();
    }
  });
});
