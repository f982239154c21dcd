import { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import type { PageMetadata } from '../model';

export function json(body: unknown, status = 200): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** The address a fetch was called with, whichever form it came in (a Request would stringify to "[object Request]"). */
export function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** A page of a list, as the services answer one. */
export function page<T>(content: T[], totalElements = content.length, size = 20): { content: T[]; page: PageMetadata } {
  return {
    content,
    page: { size, number: 0, totalElements, totalPages: Math.max(1, Math.ceil(totalElements / size)) },
  };
}

export type Handler = (url: URL, init: RequestInit) => Response | Promise<Response> | undefined;

/** Replaces fetch with `handler`; calls it returns nothing for answer 404. Returns the mock to inspect calls. */
export function mockFetch(handler: Handler) {
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(requestUrl(input), 'http://localhost');
    return (
      (await handler(url, init)) ??
      json({ status: 404, title: 'Not Found', detail: `no mock for ${url.pathname}` }, 404)
    );
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

/** The calls made to `path` (with their search string). */
export function callsTo(fn: ReturnType<typeof mockFetch>, path: string, method = 'GET'): URL[] {
  return fn.mock.calls
    .map(([input, init]) => ({
      url: new URL(requestUrl(input), 'http://localhost'),
      method: (init?.method ?? 'GET').toUpperCase(),
    }))
    .filter((c) => c.url.pathname === path && c.method === method)
    .map((c) => c.url);
}

/** The column name each cell of each body row carries: a phone shows it before the value (styles.css). */
export function cellLabels(table: HTMLElement): (string | null)[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.getAttribute('data-label')),
  );
}

export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        {ui}
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
