import {
  anomalyStatusChangeSchema,
  statusChangeProblem,
} from './anomalyStatus';

describe('anomaly status', () => {
  it('resolves only with a reason, and takes a note', () => {
    expect(
      anomalyStatusChangeSchema.parse({
        status: 'resolved',
        resolution: 'fixed',
        note: '  Autoscaling limit restored ',
      }),
    ).toEqual({
      status: 'resolved',
      resolution: 'fixed',
      note: 'Autoscaling limit restored',
    });
    const issues = (body: unknown) => {
      const result = anomalyStatusChangeSchema.safeParse(body);
      return result.success
        ? []
        : result.error.issues.map(issue => [
            issue.path.join('.'),
            issue.message,
          ]);
    };
    expect(issues({ status: 'resolved' })).toEqual([
      [
        'resolution',
        'is required to resolve: expected, fixed or false-positive',
      ],
    ]);
    expect(issues({ status: 'acknowledged', resolution: 'fixed' })).toEqual([
      ['resolution', 'is only given when resolving'],
    ]);
    expect(issues({ status: 'closed', by: 'me' })).toEqual([
      ['status', 'must be open, acknowledged or resolved'],
      ['', "Unrecognized key(s) in object: 'by'"],
    ]);
  });

  it('moves forward through the workflow and can reopen, but not skip back or repeat', () => {
    expect(statusChangeProblem('open', 'acknowledged')).toBeUndefined();
    expect(statusChangeProblem('open', 'resolved')).toBeUndefined();
    expect(statusChangeProblem('acknowledged', 'resolved')).toBeUndefined();
    expect(statusChangeProblem('resolved', 'open')).toBeUndefined();
    expect(statusChangeProblem('resolved', 'acknowledged')).toBe(
      'a resolved anomaly can become open, not acknowledged',
    );
    expect(statusChangeProblem('open', 'open')).toBe(
      'the anomaly is already open',
    );
  });
});
