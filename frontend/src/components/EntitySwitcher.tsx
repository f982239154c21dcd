import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../model';
import { useSwitchEntity } from '../queries';
import { announce } from './Announcer';

/**
 * The organisation the console works in, in the top bar: its name, and for an account of several a choice of
 * another. Switching reloads everything from the new entity and leaves a record's page for its list (the record
 * belongs to the previous entity).
 */
export function EntitySwitcher({ entities, current }: { entities: EntitySummary[]; current: EntitySummary }) {
  const { t } = useTranslation();
  const switchTo = useSwitchEntity();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (entities.length < 2) {
    return (
      <span className="entity-name" data-testid="current-entity">
        <span className="visually-hidden">{t('entity.current')} </span>
        {current.name}
      </span>
    );
  }
  return (
    <label className="entity-switch">
      <span className="visually-hidden">{t('entity.current')}</span>
      <select
        value={current.id}
        onChange={(e) => {
          const next = entities.find((entity) => entity.id === e.target.value);
          if (!next) return;
          switchTo(next.id);
          void navigate(`/${pathname.split('/')[1] ?? ''}`);
          announce(t('entity.switched', { name: next.name }));
        }}
        data-testid="entity-switch"
      >
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </select>
    </label>
  );
}
