import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api, PERIODS, type Period, type TrendsResponse } from '../api';
import { ChartFigure } from '../charts/chart-figure';
import {
  AXIS_TICK,
  domainColor,
  GRID_STROKE,
  niceTicks,
  prefersReducedMotion,
  SERIES,
} from '../charts/palette';
import type { OpenDrill } from '../drilldown/drilldown';
import { useCodeLabel, useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';

type Metric = 'count' | 'personDays';
const METRICS: readonly Metric[] = ['count', 'personDays'];

/** The last period with projects started: what the API compares when no period is asked for. */
function lastActive(trends: TrendsResponse): string | undefined {
  const projects = trends.measures.find((m) => m.key === 'projects');
  const active = projects?.points.filter((p) => p.count > 0) ?? [];
  return active[active.length - 1]?.period ?? trends.periods[trends.periods.length - 1];
}

/** Demand over time: per domain, its growth, and the emerging skills, each with the records behind it. */
export function TrendsPanel({ onDrill }: { onDrill: OpenDrill }) {
  const { t } = useTranslation();
  const lang = useLang();
  const baseId = useId();
  const [period, setPeriod] = useState<Period>('year');
  const [metric, setMetric] = useState<Metric>('count');
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const { data, error, loading, retry } = useAsync(`${lang}|${period}|${current ?? ''}`, (signal) =>
    api.getTrends({ lang, period, current }, signal),
  );
  // While another granularity loads, the previous data is of the wrong period: keep it only if it matches.
  const trends = data && data.period === period ? data : undefined;
  const compared = trends ? (current ?? lastActive(trends)) : undefined;

  return (
    <section className="trends" aria-labelledby="trends-title" aria-busy={loading} data-testid="trends">
      <div className="section-head">
        <h2 id="trends-title">{t('trends.title')}</h2>
        <div className="controls">
          <div className="field">
            <label htmlFor={`${baseId}-period`}>{t('trends.period')}</label>
            <select
              id={`${baseId}-period`}
              value={period}
              data-testid="trend-period"
              onChange={(e) => {
                setPeriod(e.target.value as Period);
                setCurrent(undefined);
              }}
            >
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`trends.periods.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-metric`}>{t('trends.metric')}</label>
            <select
              id={`${baseId}-metric`}
              value={metric}
              data-testid="trend-metric"
              onChange={(e) => setMetric(e.target.value as Metric)}
            >
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`trends.metrics.${m}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <p className="lead">{t('trends.intro')}</p>
      {error && <ErrorMessage title={t('trends.loadError')} error={error} onRetry={retry} />}
      {loading && !trends && <Loading />}
      {trends && compared && (
        <div className={loading ? 'trends__body is-stale' : 'trends__body'}>
          <DomainTrendChart trends={trends} metric={metric} onDrill={onDrill} />
          <div className="trends__pair">
            <GrowthChart
              trends={trends}
              compared={compared}
              onCompare={setCurrent}
              onDrill={onDrill}
              selectId={`${baseId}-compare`}
            />
            <EmergingSkills trends={trends} compared={compared} />
          </div>
        </div>
      )}
    </section>
  );
}

function DomainTrendChart({
  trends,
  metric,
  onDrill,
}: {
  trends: TrendsResponse;
  metric: Metric;
  onDrill: OpenDrill;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const domains = trends.domains.filter((d) => d.points.some((p) => p.count > 0));
  const data = trends.periods.map((period, i) => {
    const row: Record<string, string | number> = { period };
    for (const d of domains) row[d.key] = d.points[i]?.[metric] ?? 0;
    return row;
  });
  const value = (v: number) => (metric === 'count' ? format.number(v) : format.number(v, 0));
  const totals = domains
    .map((d) => ({ key: d.key, total: d.points.reduce((s, p) => s + p[metric], 0) }))
    .sort((a, b) => b.total - a.total);
  const top = totals[0];
  const summary = top
    ? t('trends.domains.summary', {
        count: domains.length,
        from: format.period(trends.periods[0] ?? ''),
        to: format.period(trends.periods[trends.periods.length - 1] ?? ''),
        domain: label('domain', top.key),
      })
    : t('trends.empty');
  const drill = (domain: string, key: string) =>
    onDrill({
      kind: 'trend',
      measure: `domain:${domain}`,
      label: label('domain', domain),
      period: trends.period,
      key,
    });
  const animate = !prefersReducedMotion();

  return (
    <ChartFigure
      testId="domain-trend-chart"
      title={t(`trends.domains.title.${metric}`)}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={320}>
          <LineChart
            data={data}
            margin={{ top: 10, right: 24, bottom: 5, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={GRID_STROKE} vertical={false} />
            <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={(p: string) => format.period(p)} />
            <YAxis tick={AXIS_TICK} tickFormatter={value} allowDecimals={metric !== 'count'} width={48} />
            <Tooltip
              labelFormatter={(p) => format.period(String(p))}
              formatter={(v, name) => [value(Number(v)), name]}
            />
            <Legend />
            {domains.map((d, i) => (
              <Line
                key={d.key}
                type="linear"
                dataKey={d.key}
                name={label('domain', d.key)}
                stroke={domainColor(d.key, i)}
                strokeWidth={2}
                dot={{ r: 3 }}
                activeDot={{
                  r: 6,
                  cursor: 'pointer',
                  onClick: (_e: unknown, dot: unknown) => {
                    const payload = (dot as { payload?: { period?: string } }).payload;
                    if (payload?.period) drill(d.key, payload.period);
                  },
                }}
                isAnimationActive={animate}
                animationDuration={600}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <div className="table-wrap">
          <table className="table table--compact table--trend" data-testid="domain-trend-table">
            <caption className="visually-hidden">{t(`trends.domains.caption.${metric}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('project.domain')}</th>
                {trends.periods.map((p) => (
                  <th key={p} scope="col" className="num">
                    {format.period(p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {domains.map((d) => (
                <tr key={d.key}>
                  <th scope="row">
                    <span
                      className="legend-swatch"
                      style={{ background: domainColor(d.key) }}
                      aria-hidden="true"
                    />
                    {label('domain', d.key)}
                  </th>
                  {d.points.map((p) => (
                    <td key={p.period} className="num">
                      {p.count > 0 ? (
                        <button
                          type="button"
                          className="drill-button"
                          data-testid="drill-trend"
                          aria-label={t('trends.drillLabel', {
                            domain: label('domain', d.key),
                            period: format.period(p.period),
                            count: p.count,
                          })}
                          onClick={() => drill(d.key, p.period)}
                        >
                          {value(p[metric])}
                        </button>
                      ) : (
                        <span className="muted">{value(p[metric])}</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

function GrowthChart({
  trends,
  compared,
  onCompare,
  onDrill,
  selectId,
}: {
  trends: TrendsResponse;
  compared: string;
  onCompare: (period: string) => void;
  onDrill: OpenDrill;
  selectId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const index = trends.periods.indexOf(compared);
  const previous = index > 0 ? trends.periods[index - 1] : undefined;
  const series = [
    ...trends.measures
      .filter((m) => m.key === 'projects')
      .map((m) => ({ key: m.key, measure: m.key, label: t('trends.growth.allProjects') })),
    ...trends.domains.map((d) => ({ key: d.key, measure: `domain:${d.key}`, label: label('domain', d.key) })),
  ];
  const all = [...trends.measures, ...trends.domains];
  const rows = series
    .map((s) => {
      const points = all.find((x) => x.key === s.key)?.points;
      const p = points?.[index];
      return {
        ...s,
        growth: p?.growth ?? null,
        count: p?.count ?? 0,
        before: index > 0 ? (points?.[index - 1]?.count ?? 0) : 0,
      };
    })
    .filter((r) => r.count > 0 || r.before > 0);
  const charted = rows
    .filter((r) => r.growth !== null)
    .map((r) => ({ ...r, pct: (r.growth ?? 0) * 100, tick: `${r.label} (${format.growth(r.growth ?? 0)})` }));
  const summary =
    previous === undefined
      ? t('trends.growth.noPrevious')
      : t('trends.growth.summary', {
          period: format.period(compared),
          previous: format.period(previous),
          growth: rows[0]?.growth === null || rows[0] === undefined ? '—' : format.growth(rows[0].growth),
        });
  const growthTicks = niceTicks(
    Math.min(...charted.map((r) => r.pct)),
    Math.max(...charted.map((r) => r.pct)),
  );
  const animate = !prefersReducedMotion();
  const candidates = trends.periods.slice(1);

  return (
    <ChartFigure
      testId="growth-chart"
      title={t('trends.growth.title')}
      summary={summary}
      actions={
        <div className="field">
          <label htmlFor={selectId}>{t('trends.growth.compare')}</label>
          <select
            id={selectId}
            value={compared}
            data-testid="trend-compare"
            onChange={(e) => onCompare(e.target.value)}
          >
            {candidates.map((p) => (
              <option key={p} value={p}>
                {format.period(p)}
              </option>
            ))}
          </select>
        </div>
      }
      chart={
        charted.length === 0 ? (
          <p className="empty">{t('trends.growth.empty')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(200, charted.length * 34 + 40)}>
            <BarChart
              data={charted}
              layout="vertical"
              margin={{ top: 5, right: 24, bottom: 5, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
              <XAxis
                type="number"
                tick={AXIS_TICK}
                // Bars grow from zero: keep it on the axis whether growth is all up or all down.
                domain={[growthTicks[0] ?? 0, growthTicks[growthTicks.length - 1] ?? 0]}
                ticks={growthTicks}
                tickFormatter={(v: number) => format.growth(v / 100)}
              />
              <YAxis type="category" dataKey="tick" width={150} tick={AXIS_TICK} />
              <ReferenceLine x={0} stroke="#5a6472" />
              <Tooltip
                formatter={(v) => [format.growth(Number(v) / 100), t('trends.growth.rate')]}
                cursor={{ fill: 'rgb(29 78 216 / 6%)' }}
              />
              <Bar
                dataKey="pct"
                name={t('trends.growth.rate')}
                isAnimationActive={animate}
                animationDuration={500}
                cursor="pointer"
                onClick={(bar) => {
                  const r = bar.payload as (typeof charted)[number] | undefined;
                  if (r)
                    onDrill({
                      kind: 'trend',
                      measure: r.measure,
                      label: r.label,
                      period: trends.period,
                      key: compared,
                    });
                }}
              >
                {charted.map((r) => (
                  <Cell key={r.key} fill={r.pct >= 0 ? SERIES.growth : SERIES.decline} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <div className="table-wrap">
          <table className="table table--compact" data-testid="growth-table">
            <caption className="visually-hidden">
              {t('trends.growth.caption', { period: format.period(compared) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('trends.growth.series')}</th>
                <th scope="col" className="num">
                  {previous ? format.period(previous) : '—'}
                </th>
                <th scope="col" className="num">
                  {format.period(compared)}
                </th>
                <th scope="col" className="num">
                  {t('trends.growth.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.before}</td>
                  <td className="num">
                    {r.count > 0 ? (
                      <button
                        type="button"
                        className="drill-button"
                        aria-label={t('trends.drillLabel', {
                          domain: r.label,
                          period: format.period(compared),
                          count: r.count,
                        })}
                        onClick={() =>
                          onDrill({
                            kind: 'trend',
                            measure: r.measure,
                            label: r.label,
                            period: trends.period,
                            key: compared,
                          })
                        }
                      >
                        {r.count}
                      </button>
                    ) : (
                      r.count
                    )}
                  </td>
                  <td className="num">
                    {r.growth === null ? t('trends.growth.new') : format.growth(r.growth)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

function EmergingSkills({ trends, compared }: { trends: TrendsResponse; compared: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const emerging = trends.emerging;
  return (
    <section className="card emerging" aria-labelledby="emerging-title" data-testid="emerging">
      <h3 id="emerging-title">{t('trends.emerging.title', { period: format.period(compared) })}</h3>
      <p className="chart-figure__summary">{t('trends.emerging.help')}</p>
      {emerging.length === 0 ? (
        <p className="empty">{t('trends.emerging.empty', { period: format.period(compared) })}</p>
      ) : (
        <>
          <div
            className="chart-figure__chart"
            role="img"
            aria-label={t('trends.emerging.chartLabel', {
              count: emerging.length,
              period: format.period(compared),
            })}
            data-testid="chart"
          >
            <ResponsiveContainer width="100%" height={Math.max(160, emerging.length * 44 + 50)}>
              <BarChart
                data={emerging.map((e) => ({
                  label: e.label,
                  previous: e.previous.share * 100,
                  current: e.current.share * 100,
                }))}
                layout="vertical"
                margin={{ top: 5, right: 24, bottom: 5, left: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
                <XAxis
                  type="number"
                  tick={AXIS_TICK}
                  tickFormatter={(v: number) => format.percent(v / 100)}
                />
                <YAxis type="category" dataKey="label" width={130} tick={AXIS_TICK} />
                <Tooltip formatter={(v, name) => [format.percent(Number(v) / 100), name]} />
                <Legend />
                <Bar
                  dataKey="previous"
                  name={format.period(emerging[0]?.previous.period ?? '')}
                  fill={SERIES.previous}
                  isAnimationActive={!prefersReducedMotion()}
                />
                <Bar
                  dataKey="current"
                  name={format.period(emerging[0]?.current.period ?? compared)}
                  fill={SERIES.current}
                  isAnimationActive={!prefersReducedMotion()}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-wrap">
            <table className="table table--compact" data-testid="emerging-table">
              <caption className="visually-hidden">{t('trends.emerging.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('project.skill')}</th>
                  <th scope="col" className="num">
                    {t('trends.emerging.before')}
                  </th>
                  <th scope="col" className="num">
                    {t('trends.emerging.now')}
                  </th>
                  <th scope="col" className="num">
                    {t('trends.growth.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {emerging.map((e) => (
                  <tr key={e.skillId} data-testid="emerging-row">
                    <th scope="row">
                      <span className="skill-label">{e.label}</span>
                      <span className="req-meta">{label('domain', e.domain)}</span>
                    </th>
                    <td className="num">
                      {format.percent(e.previous.share)}
                      <span className="cell-sub">
                        {t('trends.emerging.projects', { count: e.previous.count })}
                      </span>
                    </td>
                    <td className="num">
                      <strong>{format.percent(e.current.share)}</strong>
                      <span className="cell-sub">
                        {t('trends.emerging.projects', { count: e.current.count })}
                      </span>
                    </td>
                    <td className="num">
                      {e.shareGrowth === null ? t('trends.growth.new') : format.growth(e.shareGrowth)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
