import { useCallback } from 'react';
import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, send } from './api';
import { chooseEntity, currentEntity, switchEntity } from './entity';
import i18n, { isLanguage, setLanguage, type UiLanguage } from './i18n';
import type { Category, EntitySummary, LanguageInput, Me, Member, MemberPage } from './model';

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

/**
 * Who is signed in, with their roles in the current entity; `enabled: false` until the entity is settled. The
 * account's language, once loaded, wins over this browser's (DESIGN §14).
 */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ client }) => {
      const me = await api<Me>('/api/me');
      if (isLanguage(me.language) && me.language !== i18n.language) switchLanguage(client, me.language);
      return me;
    },
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Switches the console's language; the notifications, written by the service in the language asked for, follow. */
function switchLanguage(client: QueryClient, language: UiLanguage): void {
  setLanguage(language);
  void client.invalidateQueries({ queryKey: ['notifications'] });
}

/** The user picks a language: it is kept in this browser and for the account, in the background. */
export function useChooseLanguage(): (language: UiLanguage) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (language: UiLanguage) => {
      switchLanguage(queryClient, language);
      // The console already speaks it; an account that could not keep it only means the next sign-in may not.
      send<void>('PUT', '/api/me/language', { language } satisfies LanguageInput).catch((error: unknown) =>
        console.warn('The language could not be kept for the account', error),
      );
    },
    [queryClient],
  );
}

/** Super-admin of the current entity. */
export function isSuperAdmin(me: Me | undefined): boolean {
  return !!me?.roles.includes('super-admin');
}

/** The operator of the deployment, who creates entities. */
export function isPlatformAdmin(me: Me | undefined): boolean {
  return !!me?.roles.includes('platform-admin');
}

export const ENTITIES_KEY = ['entities'];

/**
 * The account's entities; loading them settles the entity the console acts in (entity.ts) before anything else.
 * If the account left the entity in use meanwhile, what was loaded there is forgotten.
 */
export function useEntities() {
  return useQuery({
    queryKey: ENTITIES_KEY,
    queryFn: async ({ client }) => {
      const before = currentEntity();
      const entities = await api<EntitySummary[]>('/api/entities', { entity: null });
      if (chooseEntity(entities) !== before && before) {
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== ENTITIES_KEY[0] });
      }
      return entities;
    },
    staleTime: 5 * 60_000,
  });
}

/** Acts in another entity: nothing loaded in the previous one may show there, so the whole cache goes. */
export function useSwitchEntity(): (id: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => {
      switchEntity(id);
      queryClient.clear();
    },
    [queryClient],
  );
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
