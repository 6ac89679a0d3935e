/**
 * My do-not-disturb, in the header on every page: "Do not disturb" opens the choices (an hour, two hours, until
 * tomorrow, until I turn it off); when it is on, the header says until when and offers "Turn off". The change shows
 * at once everywhere the person is shown (the team board included) and is undone, with a message, if Firmafon
 * refuses. A `PUT employees/:id` through the proxy's allowlist; never retried.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { EmployeeUpdate } from '@common/write-contract.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { useNow } from '@/shared/hooks/use-now.ts';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button } from '@/shared/ui/button.tsx';
import { applyDoNotDisturb, restoreDoNotDisturb, storeConfirmedMember, teamQueries, updateDoNotDisturb, type DndSnapshot } from '../api/team-queries.ts';
import { teamMessages } from '../messages.ts';
import { clockTime } from '../model/clock-time.ts';
import { DND_CHOICES, DND_OFF, dndActive, dndOn } from '../model/do-not-disturb.ts';
import './do-not-disturb.css';

export function MyDoNotDisturb() {
  const t = useMessages(teamMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const me = useQuery(teamQueries.me());
  const now = useNow(30_000);
  const [open, setOpen] = useState(false);
  const [refused, setRefused] = useState<'on' | 'off' | null>(null);
  const menuId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const firstChoiceRef = useRef<HTMLButtonElement>(null);

  const change = useMutation({
    mutationKey: [...teamQueries.all, 'do-not-disturb'],
    mutationFn: ({ id, update }: { id: number | string; update: EmployeeUpdate }) => updateDoNotDisturb(id, update),
    onMutate: async ({ id, update }): Promise<DndSnapshot> => {
      setRefused(null);
      return applyDoNotDisturb(queryClient, id, update, Date.now());
    },
    onError: (_error, { update }, snapshot) => {
      if (snapshot) restoreDoNotDisturb(queryClient, snapshot);
      setRefused(update.do_not_disturb ? 'on' : 'off');
    },
    onSuccess: (member) => storeConfirmedMember(queryClient, member),
  });

  useEffect(() => {
    if (open) firstChoiceRef.current?.focus();
  }, [open]);

  // Its place in the header is kept until the person is known (as while its code loads: signed-in-header.tsx).
  if (!me.data) return me.isPending ? <span className="dnd-placeholder" aria-hidden="true" /> : null;
  const person = me.data;
  const on = dndActive(person, now);
  const until = on && person.dnd_timeout_at ? clockTime(Date.parse(person.dnd_timeout_at), INTL_LOCALE[locale]) : null;
  const send = (update: EmployeeUpdate) => {
    setOpen(false);
    change.mutate({ id: person.id, update });
  };

  return (
    <div className="dnd">
      {on ? (
        <>
          <span className="dnd__state" role="status">
            <span aria-hidden="true">⊘ </span>
            {until ? t.dnd.onUntil(until) : t.dnd.on}
          </span>
          <Button variant="secondary" size="sm" aria-disabled={change.isPending ? true : undefined} onClick={() => !change.isPending && send(DND_OFF)}>
            {t.dnd.turnOff}
          </Button>
        </>
      ) : (
        <>
          <Button
            ref={toggleRef}
            variant="secondary"
            size="sm"
            aria-expanded={open}
            aria-controls={menuId}
            aria-disabled={change.isPending ? true : undefined}
            onClick={() => !change.isPending && setOpen((o) => !o)}
          >
            {t.dnd.button}
          </Button>
          {open ? (
            <div
              id={menuId}
              className="dnd__choices"
              role="group"
              aria-label={t.dnd.choose}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setOpen(false);
                  toggleRef.current?.focus();
                }
              }}
            >
              {DND_CHOICES.map((choice, index) => (
                <Button key={choice} ref={index === 0 ? firstChoiceRef : undefined} variant="ghost" size="sm" onClick={() => send(dndOn(choice, Date.now()))}>
                  {t.dnd.choice[choice]}
                </Button>
              ))}
            </div>
          ) : null}
        </>
      )}
      {refused ? (
        <Alert
          tone="danger"
          className="dnd__refused"
          actions={
            <Button variant="ghost" size="sm" onClick={() => setRefused(null)}>
              {t.dnd.dismiss}
            </Button>
          }
        >
          {refused === 'on' ? t.dnd.refusedOn : t.dnd.refusedOff}
        </Alert>
      ) : null}
    </div>
  );
}
