import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { authTierFieldOptions } from './AuthTierField';

/** A two-step wizard whose first step asks for the auth tier, as the new-app template does. */
async function renderWizard() {
  const onCreate = jest.fn(async (_values: Record<string, unknown>) => {});
  await renderInTestApp(
    <Stepper
      manifest={{
        title: 'New app',
        steps: [
          {
            title: 'Ingress',
            schema: {
              properties: {
                auth: {
                  type: 'object',
                  title: 'What gates the app?',
                  'ui:field': 'AuthTierPicker',
                },
              },
            },
          },
          {
            title: 'Done',
            schema: { properties: { note: { type: 'string', title: 'Note' } } },
          },
        ],
      }}
      extensions={[authTierFieldOptions]}
      onCreate={onCreate}
    />,
  );
  await screen.findByText('What gates the app?');
  return { onCreate };
}

const nextButton = () => screen.getByRole('button', { name: 'Next' });

// The scaffolder's whole wizard renders here, which is slow on a shared machine.
jest.setTimeout(20000);

describe('AuthTierField in the scaffolder wizard', () => {
  it('explains each tier in one line and preselects required', async () => {
    await renderWizard();

    expect(
      screen.getByRole('radio', {
        name: /^required: authentik forward-auth checks every request/,
      }),
    ).toBeChecked();
    expect(
      screen.getByRole('radio', { name: /^app: the app has its own login/ }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('radio', {
        name: /^public: .*an audit trail, not a gate/,
      }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('radio', { name: /^none: no authentik at all/ }),
    ).not.toBeChecked();
    expect(
      screen.queryByRole('textbox', { name: /Justification/ }),
    ).not.toBeInTheDocument();
  });

  it('submits the preselected tier without asking for a justification', async () => {
    const { onCreate } = await renderWizard();

    await userEvent.click(nextButton());
    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith(
        expect.objectContaining({ auth: { tier: 'required' } }),
      ),
    );
  });

  it('blocks Next when none is chosen without a justification, with a clear message', async () => {
    await renderWizard();

    await userEvent.click(screen.getByRole('radio', { name: /^none/ }));
    expect(
      screen.getByRole('textbox', { name: /Justification/ }),
    ).toBeInTheDocument();
    await userEvent.click(nextButton());

    const messages = await screen.findAllByText(
      /auth = "none" takes authentik out of the way: say what gates the app instead, or why it is public/,
    );
    expect(messages.length).toBeGreaterThan(0);
    // Still on the first step.
    expect(screen.getByText('What gates the app?')).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: 'Note' }),
    ).not.toBeInTheDocument();
  });

  it('moves on with app and a justification, shows both on review and outputs both', async () => {
    const { onCreate } = await renderWizard();

    await userEvent.click(screen.getByRole('radio', { name: /^app/ }));
    await userEvent.type(
      screen.getByRole('textbox', { name: /Justification/ }),
      'immich has its own OAuth login',
    );
    await userEvent.click(nextButton());
    expect(
      await screen.findByRole('textbox', { name: 'Note' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    const create = await screen.findByRole('button', { name: 'Create' });
    expect(
      screen.getByText('immich has its own OAuth login'),
    ).toBeInTheDocument();
    await userEvent.click(create);

    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith(
        expect.objectContaining({
          auth: {
            tier: 'app',
            justification: 'immich has its own OAuth login',
          },
        }),
      ),
    );
  });
});

describe('authTierFieldOptions.validation inside array items', () => {
  // The scaffolder hands the validator of a field inside array items the
  // whole array (the path carve-outs), not one item's value.
  const errorsFor = (value: unknown) => {
    const errors: string[] = [];
    const validation = { addError: (message: string) => errors.push(message) };
    authTierFieldOptions.validation!(
      value as never,
      validation as never,
      {} as never,
    );
    return errors;
  };

  it('accepts an empty list of carve-outs', () => {
    expect(errorsFor([])).toEqual([]);
  });

  it('checks the tier of every carve-out', () => {
    expect(
      errorsFor([
        {
          path: '/api',
          authTier: {
            tier: 'app',
            justification: 'the API has its own bearer tokens',
          },
        },
        { path: '/hooks', authTier: { tier: 'none' } },
      ]),
    ).toEqual([
      expect.stringMatching(/auth = "none" takes authentik out of the way/),
    ]);
  });
});
