import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  beforeEach(() => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    // No backend in this test: the guest provider's check for an existing session fails
    // and the sign-in page is shown.
    jest
      .spyOn(global, 'fetch')
      .mockRejectedValue(new TypeError('fetch failed: no backend in tests'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('asks the user to sign in, offering guest access', async () => {
    render(App.createRoot());

    expect(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 10000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
  });
});
