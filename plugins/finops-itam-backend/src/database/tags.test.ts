import { TOO_DEEP_TAG_VALUE, normalizeTags } from './tags';

describe('normalizeTags', () => {
  it('trims keys, sorts them and keeps values as text', () => {
    expect(normalizeTags('{" team ":"checkout","app":7,"on":true}')).toBe(
      '{"app":"7","on":"true","team":"checkout"}',
    );
  });

  it('keeps a nested value as its JSON rather than [object Object]', () => {
    expect(
      normalizeTags('{"owner":{"team":"checkout","cc":1100},"envs":["a","b"]}'),
    ).toBe(
      '{"envs":"[\\"a\\",\\"b\\"]","owner":"{\\"team\\":\\"checkout\\",\\"cc\\":1100}"}',
    );
  });

  it('keeps a row whose tag value is nested too deep to write back, saying so', () => {
    const depth = 20_000;
    const nested = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
    expect(normalizeTags(`{"team":"checkout","deep":${nested}}`)).toBe(
      JSON.stringify({ deep: TOO_DEEP_TAG_VALUE, team: 'checkout' }),
    );
  });

  it('stores an empty tag object or null as no tags', () => {
    expect(normalizeTags('{}')).toBeNull();
    expect(normalizeTags(null)).toBeNull();
  });
});
