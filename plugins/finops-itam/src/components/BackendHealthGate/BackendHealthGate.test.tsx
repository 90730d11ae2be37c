import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { finopsItamApiRef } from '../../api';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { BackendHealthGate } from './BackendHealthGate';
import { unreachableBackendError } from '../../testUtils/apiErrors';

describe('BackendHealthGate', () => {
  it('renders its content with the backend health once the backend answers', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, mockFinopsItamApi()]]}>
        <BackendHealthGate>
          {health => <p>backend version {health.version}</p>}
        </BackendHealthGate>
      </TestApiProvider>,
    );

    expect(
      await screen.findByText('backend version 0.1.0'),
    ).toBeInTheDocument();
  });

  it('shows the failed request instead of its content when the backend fails', async () => {
    const error = await unreachableBackendError();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [finopsItamApiRef, mockFinopsItamApi(() => Promise.reject(error))],
        ]}
      >
        <BackendHealthGate>{() => <p>content</p>}</BackendHealthGate>
      </TestApiProvider>,
    );

    expect(
      await screen.findByText(
        /Could not reach the finops-itam backend: Request failed with 503 Service Unavailable/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('content')).not.toBeInTheDocument();
  });
});
