import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ContentHeading } from './ContentHeading';

describe('ContentHeading', () => {
  it('renders the title as a heading with its description', async () => {
    await renderInTestApp(
      <ContentHeading title="Cost" description="What this tab shows." />,
    );

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Cost' }),
    ).toBeInTheDocument();
    expect(screen.getByText('What this tab shows.')).toBeInTheDocument();
  });
});
