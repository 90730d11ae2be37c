import { makeRequest } from '../../testUtils/onboardingFixtures';
import { queueOrder } from './queueOrder';

describe('queueOrder', () => {
  it('puts requests waiting for review first, newest first, closed ones last', () => {
    const requests = [
      makeRequest({
        id: 'approved',
        status: 'approved',
        createdAt: '2026-12-05',
      }),
      makeRequest({ id: 'old-pending', createdAt: '2026-12-01' }),
      makeRequest({
        id: 'changes',
        status: 'changes-requested',
        createdAt: '2026-12-06',
      }),
      makeRequest({ id: 'new-pending', createdAt: '2026-12-04' }),
      makeRequest({
        id: 'rejected',
        status: 'rejected',
        createdAt: '2026-12-07',
      }),
    ];

    expect(queueOrder(requests).map(request => request.id)).toEqual([
      'new-pending',
      'old-pending',
      'changes',
      'rejected',
      'approved',
    ]);
  });
});
