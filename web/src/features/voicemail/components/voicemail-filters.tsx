/**
 * The inbox's filters: reception (Firmafon filters on it) and "unheard only" (applied to the loaded messages).
 * A change applies at once and is written to the URL by the page (a history entry, so Back restores it).
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { endpointOf } from '@/shared/model/endpoints.ts';
import { Button } from '@/shared/ui/button.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { voicemailMessages } from '../messages.ts';
import { hasActiveFilters, type VoiceMailFilters } from '../model/filters.ts';

export interface VoicemailFiltersProps {
  filters: VoiceMailFilters;
  onChange: (filters: VoiceMailFilters) => void;
}

export function VoicemailFilters({ filters, onChange }: VoicemailFiltersProps) {
  const t = useMessages(voicemailMessages);
  const id = useId();
  const receptions = useQuery(receptionQueries.list());
  const known = new Set((receptions.data ?? []).map((r) => endpointOf('Reception', r)));

  const set = (next: VoiceMailFilters) => {
    const clean: VoiceMailFilters = {};
    if (next.endpoint) clean.endpoint = next.endpoint;
    if (next.unheard) clean.unheard = true;
    onChange(clean);
  };

  return (
    <form className="vm-filters" aria-labelledby={`${id}-heading`} onSubmit={(event) => event.preventDefault()}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t.filters}
      </h2>
      <div className="vm-filters__field">
        <label htmlFor={`${id}-reception`}>{t.filterReception}</label>
        <select
          id={`${id}-reception`}
          value={filters.endpoint ?? ''}
          onChange={(event) => set({ ...filters, endpoint: event.target.value || undefined })}
          aria-describedby={receptions.isError ? `${id}-reception-error` : undefined}
        >
          <option value="">{t.allReceptions}</option>
          {filters.endpoint && !known.has(filters.endpoint) ? <option value={filters.endpoint}>{filters.endpoint}</option> : null}
          {(receptions.data ?? []).map((r) => (
            <option key={r.id} value={endpointOf('Reception', r)}>
              {r.name}
            </option>
          ))}
        </select>
        {receptions.isError ? (
          <p id={`${id}-reception-error`} className="muted">
            {t.receptionsUnavailable}
          </p>
        ) : null}
      </div>
      <div className="vm-filters__check">
        <input
          id={`${id}-unheard`}
          type="checkbox"
          checked={Boolean(filters.unheard)}
          onChange={(event) => set({ ...filters, unheard: event.target.checked || undefined })}
        />
        <label htmlFor={`${id}-unheard`}>{t.filterUnheard}</label>
      </div>
      {hasActiveFilters(filters) ? (
        <Button variant="secondary" size="sm" onClick={() => onChange({})}>
          {t.clear}
        </Button>
      ) : null}
    </form>
  );
}
