/// <reference types="vite/client" />
import html from '../index.html?raw';
import icon from './favicon.svg?raw';

describe('index.html', () => {
  it('links the favicon, which the build turns into an asset (no 404 on every page)', () => {
    const page = new DOMParser().parseFromString(html, 'text/html');
    // A file under src/ is bundled into /assets/, which the gateway serves without a session.
    expect(page.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/src/favicon.svg');
    expect(icon).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
  });
});
