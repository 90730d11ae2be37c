import { isUrlLocation, redactLocation } from './locations';

describe('locations', () => {
  it('tells URLs from local paths', () => {
    expect(
      isUrlLocation('https://bucket.s3.eu-west-1.amazonaws.com/focus.csv'),
    ).toBe(true);
    expect(isUrlLocation('exports/aws/*.csv')).toBe(false);
    expect(isUrlLocation('C:\\exports\\aws.csv')).toBe(false);
  });

  it('keeps credentials in user info and query strings out of what it shows', () => {
    expect(
      redactLocation(
        'https://user:secret@acct.blob.core.windows.net/c/focus.csv?sv=1&sig=abc',
      ),
    ).toBe('https://acct.blob.core.windows.net/c/focus.csv?…');
    expect(redactLocation('./exports/aws')).toBe('./exports/aws');
  });
});
