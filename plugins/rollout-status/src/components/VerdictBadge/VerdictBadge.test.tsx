import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { VerdictBadge } from './VerdictBadge';

describe('VerdictBadge', () => {
  it.each([
    ['ok', 'OK', 'rgb(46, 125, 50)'],
    ['warn', 'WARN', 'rgb(161, 92, 0)'],
    ['critical', 'CRITICAL', 'rgb(198, 40, 40)'],
    ['unknown', 'UNKNOWN', 'rgb(97, 97, 97)'],
  ] as const)(
    'shows %s as the word %s on its colour',
    async (verdict, word, colour) => {
      await renderInTestApp(<VerdictBadge verdict={verdict} />);
      const badge = screen.getByText(word);
      expect(badge).toHaveStyle({ backgroundColor: colour });
    },
  );

  it('never paints unknown green', async () => {
    await renderInTestApp(<VerdictBadge verdict="unknown" />);
    expect(screen.getByText('UNKNOWN')).not.toHaveStyle({
      backgroundColor: 'rgb(46, 125, 50)',
    });
  });
});
