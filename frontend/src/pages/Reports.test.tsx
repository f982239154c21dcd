import { act, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import i18n from '../i18n';
import { aReport } from '../test/fixtures';
import { json, mockFetch, page, renderWithProviders } from '../test/utils';
import { ReportsPage } from './Reports';
import { ReportViewPage } from './ReportView';

function backend() {
  mockFetch((url) => {
    if (url.pathname === '/api/reports') return json(page([aReport()]));
    if (url.pathname === '/api/reports/r1') return json(aReport());
    return undefined;
  });
}

const downloads = () =>
  [screen.getByTestId('report-download-csv'), screen.getByTestId('report-download-pdf')].map((link) =>
    link.getAttribute('href'),
  );

describe('report exports', () => {
  it('come in the console language from the history', async () => {
    await act(() => i18n.changeLanguage('nl'));
    backend();
    renderWithProviders(<ReportsPage />, { route: '/reports' });
    await screen.findByTestId('report-row');
    expect(downloads()).toEqual([
      '/api/reports/r1/export?format=csv&lang=nl',
      '/api/reports/r1/export?format=pdf&lang=nl',
    ]);
  });

  it('come in the console language from the report, and follow a change', async () => {
    await act(() => i18n.changeLanguage('fr'));
    backend();
    renderWithProviders(
      <Routes>
        <Route path="/reports/:id" element={<ReportViewPage />} />
      </Routes>,
      { route: '/reports/r1' },
    );
    await screen.findByTestId('report-view');
    expect(downloads()).toEqual([
      '/api/reports/r1/export?format=csv&lang=fr',
      '/api/reports/r1/export?format=pdf&lang=fr',
    ]);

    await act(() => i18n.changeLanguage('en'));
    expect(downloads()).toEqual([
      '/api/reports/r1/export?format=csv&lang=en',
      '/api/reports/r1/export?format=pdf&lang=en',
    ]);
  });
});
