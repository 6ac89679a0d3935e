/**
 * The statistics charts, drawn with visx (scales and the heat map layout) into RectChart, which gives them keyboard
 * access and a table alternative. Loaded only with the statistics page.
 */
import { HeatmapRect } from '@visx/heatmap';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Group } from '@visx/group';
import { useMessages } from '@/lib/i18n.tsx';
import { statisticsMessages } from '../messages.ts';
import type { DayCount, Row } from '../model/figures.ts';
import { RectChart, type ChartItem } from './rect-chart.tsx';
import { StatTable } from './stat-table.tsx';

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 150;
const CHART_WIDTH = 600;

/** Answered and missed calls per reception or employee, as horizontal stacked bars. */
export function RowsChart({ title, rows }: { title: string; rows: readonly Row[] }) {
  const t = useMessages(statisticsMessages);
  const height = rows.length * ROW_HEIGHT + 8;
  const y = scaleBand({ domain: rows.map((r) => r.key), range: [4, height - 4], padding: 0.2 });
  const x = scaleLinear({ domain: [0, Math.max(1, ...rows.map((r) => r.answered + r.missed))], range: [0, CHART_WIDTH - LABEL_WIDTH - 8] });
  const items: ChartItem[] = rows.map((row) => {
    const top = y(row.key) ?? 0;
    return {
      key: row.key,
      label: t.rowBar(row.name, row.answered, row.missed),
      marks: [
        { x: LABEL_WIDTH, y: top, width: x(row.answered), height: y.bandwidth(), tone: 'answered' },
        { x: LABEL_WIDTH + x(row.answered), y: top, width: x(row.missed), height: y.bandwidth(), tone: 'missed' },
      ],
    };
  });
  return (
    <RectChart
      title={title}
      width={CHART_WIDTH}
      height={height}
      items={items}
      columns={1}
      decoration={rows.map((row) => (
        <text key={row.key} x={LABEL_WIDTH - 6} y={(y(row.key) ?? 0) + y.bandwidth() / 2} className="stat-chart__label" textAnchor="end" dominantBaseline="middle">
          {row.name.length > 22 ? `${row.name.slice(0, 21)}…` : row.name}
        </text>
      ))}
      table={
        <StatTable
          caption={title}
          columns={[t.name, t.answered, t.missed]}
          rows={rows.map((row) => ({ key: row.key, header: row.name, cells: [row.answered, row.missed] }))}
        />
      }
    />
  );
}

/** Answered and missed incoming calls per day, as stacked columns. */
export function PerDayChart({ days, formatDay }: { days: readonly DayCount[]; formatDay: (day: string) => string }) {
  const t = useMessages(statisticsMessages);
  const height = 180;
  const bottom = 22;
  const x = scaleBand({ domain: days.map((d) => d.day), range: [28, CHART_WIDTH - 4], padding: 0.15 });
  const max = Math.max(1, ...days.map((d) => d.answered + d.missed));
  const y = scaleLinear({ domain: [0, max], range: [0, height - bottom - 8] });
  const base = height - bottom;
  const labelEvery = Math.ceil(days.length / 10);
  const items: ChartItem[] = days.map((day) => {
    const left = x(day.day) ?? 0;
    return {
      key: day.day,
      label: t.dayBar(formatDay(day.day), day.answered, day.missed),
      marks: [
        { x: left, y: base - y(day.answered), width: x.bandwidth(), height: y(day.answered), tone: 'answered' },
        { x: left, y: base - y(day.answered) - y(day.missed), width: x.bandwidth(), height: y(day.missed), tone: 'missed' },
      ],
    };
  });
  return (
    <RectChart
      title={t.perDayHeading}
      width={CHART_WIDTH}
      height={height}
      items={items}
      columns={1}
      decoration={
        <Group>
          <line x1={28} x2={CHART_WIDTH - 4} y1={base} y2={base} className="stat-chart__axis" />
          <text x={24} y={base - y(max)} className="stat-chart__label" textAnchor="end" dominantBaseline="middle">
            {max}
          </text>
          <text x={24} y={base} className="stat-chart__label" textAnchor="end" dominantBaseline="middle">
            0
          </text>
          {days.map((day, i) =>
            i % labelEvery === 0 ? (
              <text key={day.day} x={(x(day.day) ?? 0) + x.bandwidth() / 2} y={height - 6} className="stat-chart__label" textAnchor="middle">
                {day.day.slice(8)}
              </text>
            ) : null,
          )}
        </Group>
      }
      table={
        <StatTable
          caption={t.perDayHeading}
          columns={[t.day, t.incoming, t.answered, t.missed]}
          rows={days.map((day) => ({ key: day.day, header: formatDay(day.day), cells: [day.incoming, day.answered, day.missed] }))}
        />
      }
    />
  );
}

interface HeatBin {
  hour: number;
  count: number;
}
interface HeatColumn {
  weekday: number;
  bins: HeatBin[];
}

/** Missed calls by weekday (rows) × hour (columns), Copenhagen time. */
export function MissedHeatMap({ heat }: { heat: readonly (readonly number[])[] }) {
  const t = useMessages(statisticsMessages);
  const left = 40;
  const top = 18;
  const cell = (CHART_WIDTH - left - 4) / 24;
  const cellHeight = 24;
  const height = top + 7 * cellHeight + 4;
  const max = Math.max(1, ...heat.flat());
  // visx's heat map lays out columns of bins; ours are hours (columns) of weekdays (bins).
  const columns: HeatColumn[] = Array.from({ length: 24 }, (_, hour) => ({
    weekday: hour,
    bins: Array.from({ length: 7 }, (_, weekday) => ({ hour: weekday, count: heat[weekday]?.[hour] ?? 0 })),
  }));
  const xScale = scaleLinear({ domain: [0, 24], range: [0, cell * 24] });
  const yScale = scaleLinear({ domain: [0, 7], range: [0, cellHeight * 7] });
  const opacity = scaleLinear({ domain: [0, max], range: [0.06, 1] });
  return (
    <HeatmapRect<HeatColumn, HeatBin>
      data={columns}
      xScale={(i) => xScale(i)}
      yScale={(i) => yScale(i)}
      binWidth={cell}
      binHeight={cellHeight}
      gap={2}
      bins={(column) => column.bins}
      count={(bin) => bin.count}
    >
      {(grid) => {
        // Rows of the keyboard grid are weekdays, so arrow keys move like the eye reads the map.
        const items: ChartItem[] = [];
        for (let weekday = 0; weekday < 7; weekday += 1) {
          for (let hour = 0; hour < 24; hour += 1) {
            const bin = grid[hour]?.[weekday];
            const count = bin?.count ?? 0;
            items.push({
              key: `${weekday}-${hour}`,
              label: t.heatCell(t.weekdays[weekday] ?? '', hour, count),
              marks: [
                {
                  x: left + (bin?.x ?? 0),
                  y: top + (bin?.y ?? 0),
                  width: bin?.width ?? 0,
                  height: bin?.height ?? 0,
                  tone: 'missed',
                  opacity: count === 0 ? 0.06 : opacity(count),
                },
              ],
            });
          }
        }
        return (
          <RectChart
            title={t.heatHeading}
            width={CHART_WIDTH}
            height={height}
            items={items}
            columns={24}
            decoration={
              <>
                {t.weekdaysShort.map((day, i) => (
                  <text key={day} x={left - 6} y={top + i * cellHeight + cellHeight / 2} className="stat-chart__label" textAnchor="end" dominantBaseline="middle">
                    {day}
                  </text>
                ))}
                {[0, 6, 12, 18].map((hour) => (
                  <text key={hour} x={left + hour * cell + 1} y={12} className="stat-chart__label">
                    {String(hour).padStart(2, '0')}
                  </text>
                ))}
              </>
            }
            table={
              <div className="stat-table__scroll" tabIndex={0} role="group" aria-label={t.heatHeading}>
                <StatTable
                  className="stat-table stat-table--heat"
                  caption={t.heatHeading}
                  columns={[t.weekday, ...Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'))]}
                  rows={heat.map((hours, weekday) => ({ key: weekday, header: t.weekdays[weekday], cells: hours }))}
                />
              </div>
            }
          />
        );
      }}
    </HeatmapRect>
  );
}
