/**
 * The frame every statistics chart is drawn in: an SVG of rectangles (placed by visx scales) whose values are
 * reachable by keyboard — one tab stop, arrow keys move between values, each value has its words as its
 * accessible name and shows them below the chart — and a table with the same numbers one click away.
 * Colours are CSS variables, so the charts follow dark mode; words come from the caller, so they follow the language.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMessages } from '@/lib/i18n.tsx';
import { statisticsMessages } from '../messages.ts';

export interface ChartMark {
  x: number;
  y: number;
  width: number;
  height: number;
  tone: 'answered' | 'missed';
  /** 0–1, for heat maps. */
  opacity?: number;
}

export interface ChartItem {
  key: string;
  /** The value in words: the item's accessible name. */
  label: string;
  marks: ChartMark[];
}

export interface RectChartProps {
  title: string;
  width: number;
  height: number;
  items: readonly ChartItem[];
  /** Items per row in the arrow-key grid (1 for a list of bars). */
  columns?: number;
  /** Axis labels and the like (decorative: hidden from assistive technology, which reads the items and the table). */
  decoration?: ReactNode;
  /** The same numbers as a table. */
  table: ReactNode;
}

export function RectChart({ title, width, height, items, columns = items.length, decoration, table }: RectChartProps) {
  const t = useMessages(statisticsMessages);
  const [active, setActive] = useState(0);
  const hintId = useId();
  const readoutId = useId();
  const activeItem = items[Math.min(active, items.length - 1)];

  const focusItem = (svg: SVGSVGElement | null, index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    svg?.querySelectorAll<SVGGElement>('[data-chart-item]')[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -items.length,
      End: items.length,
    };
    const delta = step[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    focusItem(event.currentTarget.ownerSVGElement, active + delta);
  };

  return (
    <figure className="stat-chart">
      <svg
        className="stat-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t.chartOf(title)}
        aria-describedby={hintId}
      >
        <g aria-hidden="true">{decoration}</g>
        {items.map((item, index) => (
          <g
            key={item.key}
            data-chart-item=""
            className="stat-chart__item"
            role="img"
            aria-label={item.label}
            tabIndex={index === active ? 0 : -1}
            onKeyDown={onKeyDown}
            onFocus={() => setActive(index)}
            onMouseEnter={() => setActive(index)}
          >
            {item.marks.map((mark, i) => (
              <rect
                key={i}
                x={mark.x}
                y={mark.y}
                width={Math.max(0, mark.width)}
                height={Math.max(0, mark.height)}
                className={`stat-chart__mark stat-chart__mark--${mark.tone}`}
                fillOpacity={mark.opacity}
              />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <span id={hintId} className="visually-hidden">
          {t.chartKeys}
        </span>
        <span id={readoutId} className="stat-chart__readout" aria-hidden="true">
          {activeItem?.label ?? ''}
        </span>
      </figcaption>
      <details className="stat-chart__table">
        <summary>{t.showTable}</summary>
        {table}
      </details>
    </figure>
  );
}
