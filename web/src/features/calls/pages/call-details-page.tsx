/**
 * `/calls/:uuid`: one call, deep-linkable. Shows the copy already in the list cache at once (if any) while
 * `GET /calls/:uuid` loads; a 404 says the call was not found. The back link returns to the list with the
 * filters it came from.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorPanel } from '@/shared/ui/error-panel.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { ApiError } from '@/lib/api-error.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { callWords } from '@/shared/messages.ts';
import { callQueries, findCachedCall } from '../api/call-queries.ts';
import { employeeGroupQueries } from '@/shared/api/employee-groups.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { endpointNames } from '@/shared/model/endpoints.ts';
import { AnsweredByLabel, CallTime, DirectionLabel, PartyLabel, StatusLabel, TalkTime } from '@/shared/ui/call-parts.tsx';
import { NoSwitchNotice } from '@/shared/ui/call-back-button.tsx';
import { CallBackAction } from '../components/call-back-action.tsx';
import { CallRoute } from '../components/call-route.tsx';
import { callsMessages } from '../messages.ts';
import { filtersFromSearchParams, filtersToSearchParams } from '@/shared/model/call-filters.ts';
import { partyOf } from '@/shared/model/call.ts';
import '../calls.css';

/** The list's search string from navigation state; re-checked, since history state is not ours alone. */
function listSearchFrom(state: unknown): string {
  if (typeof state !== 'object' || state === null) return '';
  const value = (state as { listSearch?: unknown }).listSearch;
  if (typeof value !== 'string') return '';
  return filtersToSearchParams(filtersFromSearchParams(new URLSearchParams(value))).toString();
}

export default function CallDetailsPage() {
  const t = useMessages(callsMessages);
  const words = useMessages(callWords);
  const { uuid = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const call = useQuery({ ...callQueries.detail(uuid), placeholderData: () => findCachedCall(queryClient, uuid) });
  const receptions = useQuery(receptionQueries.list());
  const employees = useQuery(employeeQueries.list());
  const groups = useQuery(employeeGroupQueries.list());
  const names = useMemo(() => {
    const map = endpointNames(receptions.data, employees.data, groups.data);
    const answeredBy = call.data?.answered_by;
    if (answeredBy?.id != null && answeredBy.name && !map.has(`Employee#${answeredBy.id}`)) {
      map.set(`Employee#${answeredBy.id}`, answeredBy.name);
    }
    return map;
  }, [receptions.data, employees.data, groups.data, call.data]);

  const listSearch = listSearchFrom(location.state);
  const back = (
    <p className="call-details__back">
      <Link to={{ pathname: '/calls', search: listSearch ? `?${listSearch}` : '' }}>
        <span aria-hidden="true">← </span>
        {t.backToCalls}
      </Link>
    </p>
  );

  if (call.isPending) {
    return (
      <div className="call-details">
        {back}
        <h1>{t.detailsTitle}</h1>
        <Spinner label={t.loadingCall} />
      </div>
    );
  }

  if (call.isError && !call.data) {
    // 400: an id the proxy or Firmafon refuses as malformed cannot name a call either.
    const notFound = call.error instanceof ApiError && (call.error.status === 404 || call.error.status === 400);
    return (
      <div className="call-details">
        {back}
        <h1>{notFound ? t.notFound : t.detailsTitle}</h1>
        {notFound ? <p>{t.notFoundBody}</p> : <ErrorPanel error={call.error} onRetry={() => void call.refetch()} />}
      </div>
    );
  }

  const data = call.data;
  const from = partyOf(data, 'from');
  const to = partyOf(data, 'to');
  const fromText = from.name ?? from.number ?? words.hiddenNumber;
  const toText = to.name ?? to.number ?? words.hiddenNumber;

  return (
    <div className="call-details">
      {back}
      <h1 className="call-details__title">
        <span>{fromText}</span>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> {t.col.to.toLowerCase()} </span>
        <span>{toText}</span>
      </h1>
      <section aria-labelledby="call-summary">
        <h2 id="call-summary">{t.summary}</h2>
        <NoSwitchNotice />
        <dl className="call-summary">
          <div>
            <dt>{t.startedAt}</dt>
            <dd>
              <CallTime iso={data.started_at} now={0} full />
            </dd>
          </div>
          <div>
            <dt>{t.col.direction}</dt>
            <dd>
              <DirectionLabel direction={data.direction} />
            </dd>
          </div>
          <div>
            <dt>{t.col.from}</dt>
            <dd>
              <PartyLabel call={data} side="from" action={<CallBackAction call={data} side="from" />} />
            </dd>
          </div>
          <div>
            <dt>{t.col.to}</dt>
            <dd>
              <PartyLabel call={data} side="to" action={<CallBackAction call={data} side="to" />} />
            </dd>
          </div>
          <div>
            <dt>{t.col.status}</dt>
            <dd>
              <StatusLabel status={data.status} />
            </dd>
          </div>
          <div>
            <dt>{t.col.answeredBy}</dt>
            <dd>
              <AnsweredByLabel call={data} />
            </dd>
          </div>
          <div>
            <dt>{t.talkTime}</dt>
            <dd>
              <TalkTime call={data} />
            </dd>
          </div>
          {data.endpoint_name || data.endpoint ? (
            <div>
              <dt>{t.endpoint}</dt>
              <dd>{data.endpoint_name ?? (data.endpoint ? names.get(data.endpoint) ?? data.endpoint : '')}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="call-route">
        <h2 id="call-route">{t.route}</h2>
        <CallRoute nodes={data.nodes} endpointNames={names} />
      </section>
      {call.isError ? <ErrorPanel error={call.error} onRetry={() => void call.refetch()} /> : null}
    </div>
  );
}

/** What the page needs first for `url` (`/calls/:uuid`): the call (pages registry, app/pages.ts). */
export function prefetch(queryClient: QueryClient, url: URL): void {
  const segment = url.pathname.split('/')[2];
  if (segment) void queryClient.prefetchQuery(callQueries.detail(decodeURIComponent(segment)));
}
