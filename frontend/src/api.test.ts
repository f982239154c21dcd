import { csrfToken } from './api';
import { displayName } from './App';

describe('csrfToken', () => {
  it('reads the XSRF-TOKEN cookie among others', () => {
    expect(csrfToken('SESSION=abc; XSRF-TOKEN=a%2Fb; lang=fr')).toBe('a/b');
  });
  it('is undefined without the cookie', () => {
    expect(csrfToken('SESSION=abc')).toBeUndefined();
  });
});

describe('displayName', () => {
  it('joins first and last name', () => {
    expect(displayName({ firstName: 'Default', lastName: 'Admin', username: 'admin' })).toBe('Default Admin');
  });
  it('falls back to the username', () => {
    expect(displayName({ firstName: '', lastName: '', username: 'admin' })).toBe('admin');
  });
});
