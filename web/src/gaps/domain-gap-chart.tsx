import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DomainGap, SupplySource } from '../api';
import { ChartFigure } from '../charts/chart-figure';
import { AXIS_TICK, GRID_STROKE, prefersReducedMotion, SERIES } from '../charts/palette';
import { useCodeLabel, useFormat } from '../i18n';

/** Open demand per domain against what the pool covers of it (person-days), with a data table. */
export function DomainGapChart({ domains, source }: { domains: readonly DomainGap[]; source: SupplySource }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const rows = domains
    .filter((d) => d.demand > 0)
    .map((d) => ({
      key: d.group,
      label: label('domain', d.group),
      demand: d.demand,
      covered: Math.max(0, d.demand - d.shortage),
      shortage: d.shortage,
      unmetShare: d.unmetShare,
      specialists: d.specialists,
    }))
    .sort((a, b) => b.demand - a.demand);
  const worst = [...rows].sort((a, b) => b.unmetShare - a.unmetShare)[0];
  const summary = worst
    ? t('gaps.domains.summary', {
        count: rows.length,
        domain: worst.label,
        share: format.percent(worst.unmetShare),
        supply: t(`gaps.supply.${source}`),
      })
    : t('gaps.domains.none');
  const pd = (v: number) => format.number(v, 0);
  const animate = !prefersReducedMotion();

  return (
    <ChartFigure
      testId="domain-gap-chart"
      title={t('gaps.domains.title')}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 40 + 60)}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 5, right: 24, bottom: 5, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} tickFormatter={pd} />
            <YAxis type="category" dataKey="label" width={110} tick={AXIS_TICK} />
            <Tooltip
              formatter={(value, name) => [t('gaps.pd', { value: pd(Number(value)) }), name]}
              cursor={{ fill: 'rgb(29 78 216 / 6%)' }}
            />
            <Legend />
            <Bar
              dataKey="covered"
              name={t('gaps.domains.covered')}
              stackId="demand"
              fill={SERIES.covered}
              isAnimationActive={animate}
              animationDuration={500}
            />
            <Bar
              dataKey="shortage"
              name={t('gaps.domains.shortage')}
              stackId="demand"
              fill={SERIES.shortage}
              radius={[0, 3, 3, 0]}
              isAnimationActive={animate}
              animationDuration={500}
            />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <div className="table-wrap">
          <table className="table table--compact" data-testid="domain-gap-table">
            <caption className="visually-hidden">{t('gaps.domains.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('project.domain')}</th>
                <th scope="col" className="num">
                  {t('gaps.domains.demand')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.domains.covered')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.domains.shortage')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.domains.unmet')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.domains.specialistsEmployees')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.domains.specialistsFreelancers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{pd(r.demand)}</td>
                  <td className="num">{pd(r.covered)}</td>
                  <td className="num">{pd(r.shortage)}</td>
                  <td className="num">{format.percent(r.unmetShare)}</td>
                  <td className="num">{r.specialists.employee}</td>
                  <td className="num">{r.specialists.freelance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
