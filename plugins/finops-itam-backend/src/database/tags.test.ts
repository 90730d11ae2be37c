import { normalizeTags } from './tags';

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

  it('stores an empty tag object or null as no tags', () => {
    expect(normalizeTags('{}')).toBeNull();
    expect(normalizeTags(null)).toBeNull();
  });
});
