/**
 * `/statistics`: answer rates, time to answer and when calls are missed, for a period in the URL (`from`, `to`,
 * `target`, `endpoint`). The period's calls load a day window at a time in parallel (model/windows.ts); figures
 * appear when every day is in, or marked partial after a cancel or a failed day. Everything here, the charting
 * library included, loads only with this page.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CallsQuery } from '@common/call-schemas.ts';
import { dateKeyAt } from '@common/copenhagen-time.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { employeeGroupQueries } from '@/shared/api/employee-groups.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { useNow } from '@/shared/hooks/use-now.ts';
import { endpointNames } from '@/shared/model/endpoints.ts';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button } from '@/shared/ui/button.tsx';
import { ErrorPanel } from '@/shared/ui/error-panel.tsx';
import { useStatisticsLoad } from '../api/use-statistics-load.ts';
import { MissedHeatMap, PerDayChart } from '../components/charts.tsx';
import { NotCalledBackList } from '../components/not-called-back.tsx';
import { PeriodForm } from '../components/period-form.tsx';
import { RowsSection } from '../components/rows-table.tsx';
import { Summary } from '../components/summary.tsx';
import { statisticsMessages } from '../messages.ts';
import { computeStatistics } from '../model/figures.ts';
import { daysOf, paramsFromSearch, paramsToSearch, type StatisticsParams } from '../model/period.ts';
import { mergeWindows } from '../model/windows.ts';
import '../statistics.css';

function useDayFormat(): (day: string) => string {
  const { locale } = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T12:00:00Z`));
  }, [locale]);
}

export default function StatisticsPage() {
  const t = useMessages(statisticsMessages);
  const now = useNow();
  const today = dateKeyAt(now);
  const [searchParams, setSearchParams] = useSearchParams();
  const { params, correction } = useMemo(() => paramsFromSearch(searchParams, today), [searchParams, today]);
  const key = paramsToSearch({ ...params, targetSeconds: 0 }).toString();
  const apply = useCallback((next: StatisticsParams) => setSearchParams(paramsToSearch(next)), [setSearchParams]);
  const formatDay = useDayFormat();

  const period = useMemo(() => ({ from: params.from, to: params.to }), [params.from, params.to]);
  const base = useMemo<CallsQuery>(() => (params.endpoint ? { endpoint: params.endpoint } : {}), [params.endpoint]);
  const load = useStatisticsLoad(period, base, key);
  const receptions = useQuery(receptionQueries.list());
  const employees = useQuery(employeeQueries.list());
  const groups = useQuery(employeeGroupQueries.list());
  const names = useMemo(() => endpointNames(receptions.data, employees.data, groups.data), [receptions.data, employees.data, groups.data]);

  const showFigures = load.phase !== 'loading' && !load.error;
  const stats = useMemo(() => {
    if (!showFigures) return null;
    const calls = mergeWindows(load.loaded.values(), period);
    return computeStatistics(calls, { days: daysOf(period), targetSeconds: params.targetSeconds, names });
  }, [showFigures, load.loaded, period, params.targetSeconds, names]);

  const partial = showFigures && (load.failed.length > 0 || load.notLoaded.length > 0);
  const missingDays = [...load.failed, ...load.notLoaded].sort().map(formatDay).join(', ');

  return (
    <div className="statistics-page">
      <h1>{t.title}</h1>
      <PeriodForm key={searchParams.toString()} params={params} today={today} onApply={apply} />
      {correction ? <Alert tone="warning">{t.corrected[correction]}</Alert> : null}
      <h2 className="stat-period">{t.periodHeading(formatDay(params.from), formatDay(params.to))}</h2>

      {load.phase === 'loading' ? (
        <div className="stat-progress no-print">
          <label>
            <span>{t.loadingLabel}</span>
            <progress max={load.days} value={load.daysDone} />
          </label>
          <p aria-live="polite">{t.progress(load.loadedCalls, load.daysDone, load.days)}</p>
          <Button variant="secondary" onClick={load.cancel}>
            {t.cancel}
          </Button>
        </div>
      ) : null}

      {load.error ? <ErrorPanel error={load.error} onRetry={load.reload} /> : null}

      {partial ? (
        <Alert tone="warning" title={t.partial} actions={<Button variant="secondary" onClick={load.reload}>{t.loadRest}</Button>}>
          {load.phase === 'cancelled' ? <p>{t.cancelledNote(load.daysDone, load.days)}</p> : null}
          {missingDays ? <p>{t.failedNote(missingDays)}</p> : null}
        </Alert>
      ) : null}

      {stats && stats.totals.incoming === 0 && !partial ? (
        <section className="stat-empty" aria-labelledby="stat-empty">
          <h2 id="stat-empty">{t.emptyHeading}</h2>
          <p>{t.emptyBody}</p>
        </section>
      ) : stats ? (
        <div className={partial ? 'stat-results stat-results--partial' : 'stat-results'}>
          <Summary stats={stats} params={params} />
          <RowsSection kind="reception" rows={stats.byReception} period={period} rule={t.rules.byReception} />
          <RowsSection kind="employee" rows={stats.byEmployee} period={period} rule={t.rules.byEmployee} />
          <section className="stat-section" aria-labelledby="stat-heat">
            <h2 id="stat-heat">{t.heatHeading}</h2>
            <details className="stat-rule">
              <summary>{t.howCounted}</summary>
              <p>{t.rules.heat}</p>
            </details>
            <MissedHeatMap heat={stats.missedHeat} />
          </section>
          <section className="stat-section" aria-labelledby="stat-per-day">
            <h2 id="stat-per-day">{t.perDayHeading}</h2>
            <PerDayChart days={stats.perDay} formatDay={formatDay} />
          </section>
          <NotCalledBackList entries={stats.notCalledBack} params={params} />
        </div>
      ) : null}
    </div>
  );
}
