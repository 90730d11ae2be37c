import { ConfigReader } from '@backstage/config';
import { readGlossary } from './glossaryConfig';
import { SHIPPED_GLOSSARY } from './shippedGlossary';

const read = (glossary?: unknown) =>
  readGlossary(
    new ConfigReader({
      finopsItam: glossary === undefined ? {} : { glossary },
    } as any),
  );

describe('the shipped glossary', () => {
  it('has every term the portal’s pages use, each with a public source', () => {
    const glossary = read();
    const wanted = [
      'all-in cost',
      'amortized cost',
      'effective savings rate',
      'commitment coverage',
      'commitment utilization',
      'entitlement',
      'effective license position',
      'BYOL',
      'license-included',
      'true-up',
      'reharvest',
      'shelfware',
      'showback',
      'chargeback',
      'unit cost',
      'unallocated',
      'shared cost',
      'anomaly',
      'budget variance',
      'forecast band',
      'License Mobility',
      'Software Assurance',
      'list cost',
      'contracted cost',
      'commitment waste',
      'allocation coverage',
      'Crawl, Walk, Run',
      'Azure Hybrid Benefit',
      'drawdown',
    ];
    const missing = wanted.filter(name => !glossary.find(name));
    expect(missing).toEqual([]);
    const unsourced = SHIPPED_GLOSSARY.filter(
      t => !t.source.url?.startsWith('https://') || t.definition.length < 40,
    ).map(t => t.id);
    expect(unsourced).toEqual([]);
  });

  it('finds terms by id, name or alias whatever their case and spacing', () => {
    const glossary = read();
    expect(glossary.find('ESR')?.id).toBe('effective-savings-rate');
    expect(glossary.find('  Effective   Savings rate ')?.id).toBe(
      'effective-savings-rate',
    );
    expect(glossary.find('byol')?.term).toBe('Bring your own license');
    expect(glossary.find('EffectiveCost')?.id).toBe('amortized-cost');
    expect(glossary.find('elp')?.id).toBe('effective-license-position');
    expect(glossary.find('true up')?.id).toBe('true-up');
    expect(glossary.find('cloud spend')).toBeUndefined();
  });

  it('lists terms alphabetically by name', () => {
    const names = read()
      .list()
      .map(t => t.term);
    expect(names[0]).toBe('All-in cost');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});

describe('readGlossary with finopsItam.glossary', () => {
  it('replaces a shipped definition, which then no longer cites the shipped source', () => {
    const glossary = read({
      'unit-cost': { definition: 'Monthly all-in cost per active customer.' },
    });
    expect(glossary.find('unit cost')).toEqual({
      id: 'unit-cost',
      term: 'Unit cost',
      aliases: ['unit economics', 'cost per unit'],
      discipline: 'finops',
      definition: 'Monthly all-in cost per active customer.',
      source: { title: 'Defined by this organisation', url: null },
    });
  });

  it('keeps the shipped definition and source when only aliases change', () => {
    const shipped = read().find('showback')!;
    const glossary = read({
      showback: { aliases: ['cost report', 'Kostenausweis'] },
    });
    expect(glossary.find('kostenausweis')).toEqual({
      ...shipped,
      aliases: ['cost report', 'Kostenausweis'],
    });
  });

  it('adds an organisation’s own term, found by its alias', () => {
    const glossary = read({
      'cost-center': {
        term: 'Cost centre',
        definition: 'The finance code a team’s chargeback is booked to.',
        aliases: ['CC', 'cost center'],
        source: {
          title: 'Finance handbook',
          url: 'https://intranet.example/finance',
        },
      },
    });
    expect(glossary.find('cc')).toEqual({
      id: 'cost-center',
      term: 'Cost centre',
      aliases: ['CC', 'cost center'],
      discipline: 'both',
      definition: 'The finance code a team’s chargeback is booked to.',
      source: {
        title: 'Finance handbook',
        url: 'https://intranet.example/finance',
      },
    });
    expect(glossary.list()).toHaveLength(SHIPPED_GLOSSARY.length + 1);
  });

  it('refuses malformed entries naming the key', () => {
    expect(() => read({ 'cost-center': { term: 'Cost centre' } })).toThrow(
      'Invalid finopsItam.glossary.cost-center: a new term needs both term and definition',
    );
    expect(() => read({ showback: { definition: '  ' } })).toThrow(
      'Invalid finopsItam.glossary.showback: definition must not be empty',
    );
    expect(() => read({ showback: { defintion: 'typo' } })).toThrow(
      /^Invalid finopsItam\.glossary\.showback: .*defintion/,
    );
    expect(() =>
      read({ showback: { source: { title: 'x', url: 'not a url' } } }),
    ).toThrow(/^Invalid finopsItam\.glossary\.showback: source\.url /);
    expect(() => read({ Cost_Center: { term: 'a', definition: 'b' } })).toThrow(
      'Invalid finopsItam.glossary.Cost_Center: term ids are lowercase words joined by dashes',
    );
    expect(() => read(['all-in-cost'])).toThrow(
      /^Invalid finopsItam\.glossary:/,
    );
  });

  it('refuses a name two terms would share, naming the configured one', () => {
    expect(() =>
      read({
        'external-spend': {
          term: 'External spend',
          definition: 'Anything bought outside the enterprise agreement.',
          aliases: ['Marketplace'],
        },
      }),
    ).toThrow(
      'Invalid finopsItam.glossary.external-spend: "marketplace" names both the term "external-spend" and the term "marketplace-purchase"',
    );
  });
});
