import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aCategory } from '../test/fixtures';
import { callsTo, json, mockFetch, renderWithProviders } from '../test/utils';
import { CategoriesPage } from './Categories';

const IN_USE = 'This category is used by transactions: move them to another category first.';

describe('CategoriesPage', () => {
  it('promises no deletion before the server answers, and shows its refusal inside the dialog', async () => {
    const fetch = mockFetch((url, init) => {
      if (url.pathname === '/api/categories') return json([aCategory()]);
      if (url.pathname === '/api/categories/c1' && init.method === 'DELETE')
        return json({ status: 409, title: 'Conflict', detail: IN_USE }, 409);
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<CategoriesPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete category Camp' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the category Camp?' });
    expect(dialog).toHaveAccessibleDescription('A category still used by transactions cannot be deleted.');
    expect(dialog).not.toHaveTextContent(/will be deleted/);

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(callsTo(fetch, '/api/categories/c1', 'DELETE')).toHaveLength(1));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(IN_USE);
    expect(dialog).toBeInTheDocument();
    expect(screen.getAllByTestId('category-row')).toHaveLength(1);
  });
});
