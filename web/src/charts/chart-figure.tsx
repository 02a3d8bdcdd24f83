import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its text alternatives: a heading, a one-line summary that the chart's image role is labelled
 * with, and the data as a table (in a disclosure, open on demand) that also carries the drill-downs for
 * keyboard users. The SVG itself is presentational for assistive technologies.
 */
export function ChartFigure({
  title,
  summary,
  chart,
  table,
  tableOpen = false,
  testId,
  actions,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table?: ReactNode;
  tableOpen?: boolean;
  testId?: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="chart-figure card" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="chart-figure__head">
        <h3 id={`${id}-title`}>{title}</h3>
        {actions}
      </div>
      <p className="chart-figure__summary" id={`${id}-summary`}>
        {summary}
      </p>
      <div className="chart-figure__chart" role="img" aria-label={`${title}. ${summary}`} data-testid="chart">
        {chart}
      </div>
      {table && (
        <details className="chart-figure__data" open={tableOpen}>
          <summary>{t('charts.showData')}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
