import { QueryClient, useQuery } from '@tanstack/react-query';
import { api, ApiError } from './api';
import type { Category, Me, Member, MemberPage } from './model';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change on its own; a 503 or a network hiccup gets one more try before the error shows.
        retry: (failures, error) =>
          failures < 1 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408),
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/me'), staleTime: 5 * 60_000 });
}

export function isSuperAdmin(me: Me | undefined): boolean {
  return !!me?.roles.includes('super-admin');
}

export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    // All of them, sorted by name (listCategories).
    queryFn: () => api<Category[]>('/api/categories'),
  });
}

/** Every member (for pickers and the dashboard totals); one large page is plenty for an organisation. */
export const ALL_MEMBERS_SIZE = 1000;

export function useAllMembers() {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => api<MemberPage>(`/api/users?size=${ALL_MEMBERS_SIZE}&sort=lastName,asc`),
  });
}

export function memberName(member: Pick<Member, 'firstName' | 'lastName'> | null | undefined): string {
  if (!member) return '';
  return [member.firstName, member.lastName].filter(Boolean).join(' ');
}

export function displayName(me: Pick<Me, 'firstName' | 'lastName' | 'username'>): string {
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ');
  return name || me.username;
}
