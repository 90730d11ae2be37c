import { ErrorHistory } from './errorHistory';

describe('ErrorHistory', () => {
  it('knows nothing until it holds the minimum number of errors', () => {
    const history = new ErrorHistory(84);
    for (let day = 0; day < 27; day++)
      history.add(day, day % 2 === 0 ? 32 : -32);
    expect(history.estimate(27, 28, 28)).toBeUndefined();
    history.add(27, -32);
    expect(history.estimate(28, 28, 28)).toEqual({
      typicalError: 0,
      spread: 32,
      errorCount: 28,
    });
  });

  it('takes the typical error from the recent window and forgets errors older than its span', () => {
    const history = new ErrorHistory(10);
    // Ten old errors of 1000, then five recent ones of 16.
    for (let day = 0; day < 10; day++) history.add(day, 1000);
    for (let day = 10; day < 15; day++) history.add(day, 16);
    expect(history.estimate(15, 5, 1)).toMatchObject({
      typicalError: 16,
      errorCount: 10,
    });
    expect(history.estimate(30, 5, 1)).toBeUndefined();
  });
});
