import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseCostStore } from '../../database/DatabaseCostStore';
import { fixture } from '../__fixtures__';
import { FocusFileReader } from '../FocusFileReader';
import { IngestionService } from '../IngestionService';

/**
 * The real cost store (migrated) and ingestion over a test database, and a function that
 * ingests one of the FOCUS fixtures for source `aws-focus` (`ingestion` takes any file).
 */
export async function ingestionOn(knex: Knex) {
  const costs = await DatabaseCostStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const ingestion = new IngestionService(
    costs,
    new FocusFileReader({ memoryLimit: '256MB', threads: 1 }),
    mockServices.logger.mock(),
    { maxRejectedShare: 0.01 },
  );
  const ingest = (name: string) =>
    ingestion.ingest({
      sourceId: 'aws-focus',
      files: [{ path: fixture(name), key: name }],
    });
  return { costs, ingestion, ingest };
}
