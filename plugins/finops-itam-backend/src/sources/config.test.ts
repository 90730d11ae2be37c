import { ConfigReader } from '@backstage/config';
import { readCostIngestionConfig } from './config';
import { describeSchedule } from './describeSchedule';

const read = (finopsItam: object) =>
  readCostIngestionConfig(new ConfigReader({ finopsItam } as any));

describe('readCostIngestionConfig', () => {
  it('applies the defaults when nothing is configured', () => {
    expect(readCostIngestionConfig(new ConfigReader({}))).toEqual({
      sources: [],
      maxRejectedShare: 0.01,
      uploadLimitMb: 1024,
      maxDecompressedBytes: 16 * 1024 ** 3,
      retentionMonths: 25,
    });
  });

  it('gives a source without schedule an hourly one with timeout and initial delay', () => {
    const [source] = read({
      costSources: [{ id: 'aws-focus', location: 'exports/aws' }],
    }).sources;
    expect(source).toEqual({
      id: 'aws-focus',
      location: 'exports/aws',
      layout: 'auto',
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { seconds: 10 },
        scope: undefined,
      },
    });
    expect(describeSchedule(source.schedule)).toBe(
      'every 1 hour, timeout 30 minutes',
    );
  });

  it('reads a layout for an object-store prefix', () => {
    const [source] = read({
      costSources: [
        {
          id: 'azure-focus',
          location: 'https://acme.blob.core.windows.net/costs/focus/',
          layout: 'azure-cost-export',
        },
      ],
    }).sources;
    expect(source).toMatchObject({
      location: 'https://acme.blob.core.windows.net/costs/focus/',
      layout: 'azure-cost-export',
    });
  });

  it('fills timeout and initial delay of a schedule that only sets the frequency', () => {
    const [source] = read({
      costSources: [
        {
          id: 'gcp',
          location: 'https://x/y.csv',
          schedule: { frequency: { cron: '0 3 * * *' } },
        },
      ],
    }).sources;
    expect(source.schedule).toMatchObject({
      frequency: { cron: '0 3 * * *' },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 10 },
    });
    expect(describeSchedule(source.schedule)).toBe(
      'cron "0 3 * * *", timeout 30 minutes',
    );
  });

  it('keeps the default frequency when a schedule only sets the timeout', () => {
    const [source] = read({
      costSources: [
        { id: 'aws', location: 'a', schedule: { timeout: { hours: 2 } } },
      ],
    }).sources;
    expect(describeSchedule(source.schedule)).toBe(
      'every 1 hour, timeout 2 hours',
    );
  });

  it('reads ISO durations and overrides', () => {
    const config = read({
      costSources: [
        {
          id: 'azure',
          location: 'a.csv',
          schedule: { frequency: 'PT6H', timeout: { hours: 2 } },
        },
      ],
      ingestion: {
        maxRejectedShare: 0.05,
        uploadLimitMb: 10,
        maxDecompressedBytes: 1000,
      },
      retention: { months: 13 },
    });
    expect(config.sources[0].schedule).toMatchObject({
      frequency: { hours: 6 },
      timeout: { hours: 2 },
    });
    expect(config).toMatchObject({
      maxRejectedShare: 0.05,
      uploadLimitMb: 10,
      maxDecompressedBytes: 1000,
      retentionMonths: 13,
    });
  });

  it.each([
    [
      { costSources: [{ id: 'AWS Focus', location: 'a' }] },
      /finopsItam\.costSources\[0\]\.id "AWS Focus" is not lowercase kebab-case/,
    ],
    [
      {
        costSources: [
          { id: 'aws', location: 'a' },
          { id: 'aws', location: 'b' },
        ],
      },
      /finopsItam\.costSources\[1\]\.id "aws" is used by another cost source/,
    ],
    [
      { costSources: [{ id: 'aws' }] },
      /finopsItam\.costSources\[0\]\.location/,
    ],
    [
      { costSources: [{ id: 'aws', location: 's3://bucket/key.csv' }] },
      /finopsItam\.costSources\[0\]\.location .* uses s3:\/\//,
    ],
    [
      { costSources: [{ id: 'aws', location: 'a', layout: 'cur' }] },
      /finopsItam\.costSources\[0\]\.layout "cur" is not one of auto, files, aws-data-exports, azure-cost-export/,
    ],
    [
      {
        costSources: [
          {
            id: 'aws',
            location: 'https://b.s3.eu-west-1.amazonaws.com/focus',
            layout: 'aws-data-exports',
          },
        ],
      },
      /finopsItam\.costSources\[0\]\.layout "aws-data-exports" reads a prefix: end finopsItam\.costSources\[0\]\.location ".*\/focus" with "\/"/,
    ],
    [
      {
        costSources: [
          { id: 'aws', location: 'a', schedule: { frequency: 'often' } },
        ],
      },
      /Invalid finopsItam\.costSources\[0\]\.schedule/,
    ],
    [
      { ingestion: { maxRejectedShare: 2 } },
      /finopsItam\.ingestion\.maxRejectedShare must be a share between 0 and 1/,
    ],
    [
      { ingestion: { uploadLimitMb: 0 } },
      /finopsItam\.ingestion\.uploadLimitMb must be a positive number/,
    ],
    [
      { ingestion: { maxDecompressedBytes: 1.5 } },
      /finopsItam\.ingestion\.maxDecompressedBytes must be a positive whole number of bytes/,
    ],
    [
      { retention: { months: 1.5 } },
      /finopsItam\.retention\.months must be a whole number/,
    ],
  ])('refuses %j naming the key', (finopsItam, message) => {
    expect(() => read(finopsItam)).toThrow(message);
  });
});
