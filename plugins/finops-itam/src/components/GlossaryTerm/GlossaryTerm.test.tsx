import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { finopsRouteRef } from '../../routes';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { glossaryFixture } from '../../testUtils/glossaryFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { GlossaryTerm } from './GlossaryTerm';

const finopsPage = { '/finops-itam/finops': finopsRouteRef };

describe('GlossaryTerm', () => {
  it('links a term to its glossary entry and shows the definition on keyboard focus', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockFinopsItamApi();
    api.getGlossary.mockResolvedValue(glossaryFixture);
    await renderWithFinopsApi(
      <p>
        The <GlossaryTerm term="ESR">ESR</GlossaryTerm> and{' '}
        <GlossaryTerm term="byol" /> of the month.
      </p>,
      api,
      { mountedRoutes: finopsPage },
    );

    const esr = await screen.findByRole('link', { name: 'ESR' });
    expect(esr).toHaveAttribute(
      'href',
      '/finops-itam/finops?tab=glossary#effective-savings-rate',
    );
    // Without words of its own, the term shows the glossary's name.
    expect(
      screen.getByRole('link', { name: 'Bring your own license' }),
    ).toHaveAttribute('href', '/finops-itam/finops?tab=glossary#byol');

    await user.tab();
    expect(esr).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'The share of list or contracted cost saved by discounts, over usage rows.',
    );
    // Both terms share one request.
    expect(api.getGlossary).toHaveBeenCalledTimes(1);
  });

  it('shows the words as plain text when the glossary cannot be read', async () => {
    const api = mockFinopsItamApi();
    api.getGlossary.mockRejectedValue(new Error('glossary is down'));
    await renderWithFinopsApi(
      <p>
        Costs are <GlossaryTerm term="amortized-cost">amortized</GlossaryTerm>.
      </p>,
      api,
      { mountedRoutes: finopsPage },
    );

    expect(await screen.findByText(/Costs are amortized/)).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows an unknown term as plain text', async () => {
    const api = mockFinopsItamApi();
    api.getGlossary.mockResolvedValue(glossaryFixture);
    await renderWithFinopsApi(
      <p>
        A <GlossaryTerm term="no-such-term">mystery</GlossaryTerm> word.
      </p>,
      api,
      { mountedRoutes: finopsPage },
    );

    expect(await screen.findByText(/A mystery word/)).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
