import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SupplySource } from '../api';
import { DrilldownDialog } from '../drilldown/drilldown-dialog';
import type { DrillRequest } from '../drilldown/drilldown';
import { useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { TrendsPanel } from '../trends/trends-panel';
import { useAsync } from '../use-async';
import { DomainGapChart } from './domain-gap-chart';
import { Headline } from './headline';
import { ShortageTable } from './shortage-table';
import { UpskillingPanel } from './upskilling-panel';

const HEADLINE_TOPS = [10, 20, 50] as const;
const SUPPLY_SOURCES: readonly SupplySource[] = ['all', 'employee'];

/** The dashboard: skills gap (headline, domains, shortage ranking, upskilling) and demand trends. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormat();
  const baseId = useId();
  const [top, setTop] = useState<number>(10);
  const [source, setSource] = useState<SupplySource>('all');
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [upskill, setUpskill] = useState<string | null>(null);
  const { data, error, loading, retry } = useAsync(`${lang}|${top}|${source}`, (signal) =>
    api.getGaps({ lang, headlineTop: top, source, top: 20 }, signal),
  );

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('dashboard.title') });
  }, [t]);
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, []);

  const gapSkills = data?.rows.map((r) => ({ id: r.skillId, label: r.label })) ?? [];
  const upskillId = upskill ?? data?.rows.find((r) => r.shortage > 0)?.skillId ?? data?.rows[0]?.skillId;
  const chooseUpskill = (skillId: string) => {
    setUpskill(skillId);
    // Bring the panel into view after it re-renders with the chosen skill.
    requestAnimationFrame(() => {
      const panel = document.getElementById('upskilling');
      panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      panel?.focus({ preventScroll: true });
    });
  };

  return (
    <div className="dashboard" data-testid="dashboard">
      <section aria-labelledby="dashboard-title" aria-busy={loading}>
        <div className="section-head">
          <h1 id="dashboard-title">{t('dashboard.title')}</h1>
          {data && (
            <p className="muted">
              {t('dashboard.window', {
                from: format.date(data.window.from),
                to: format.date(data.window.to),
              })}
            </p>
          )}
        </div>
        <p className="lead">{t('dashboard.intro')}</p>

        <div className="toolbar" role="group" aria-label={t('dashboard.settings')}>
          <div className="field">
            <span id={`${baseId}-top`}>{t('dashboard.topLabel')}</span>
            <div className="segmented" role="group" aria-labelledby={`${baseId}-top`}>
              {HEADLINE_TOPS.map((n) => (
                <button
                  key={n}
                  type="button"
                  className="segmented__button"
                  aria-pressed={n === top}
                  data-testid={`headline-top-${n}`}
                  onClick={() => setTop(n)}
                >
                  {n}
                </button>
              ))}
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-source`}>{t('dashboard.supplyLabel')}</label>
            <select
              id={`${baseId}-source`}
              value={source}
              data-testid="supply-source"
              onChange={(e) => setSource(e.target.value as SupplySource)}
            >
              {SUPPLY_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`gaps.supply.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        {error && <ErrorMessage title={t('gaps.loadError')} error={error} onRetry={retry} />}
        {loading && !data && <Loading />}
        {data && (
          <div className={loading ? 'is-stale' : undefined}>
            <Headline gaps={data} onDrill={setDrill} />

            <div className="kpis" data-testid="gap-kpis">
              <Kpi
                label={t('gaps.kpi.demand')}
                value={t('gaps.pd', { value: format.number(data.demand, 0) })}
              />
              <Kpi
                label={t('gaps.kpi.shortage')}
                value={t('gaps.pd', { value: format.number(data.shortage, 0) })}
              />
              <Kpi label={t('gaps.kpi.unmet')} value={format.percent(data.unmetShare)} />
              <Kpi label={t('gaps.kpi.open')} value={format.number(data.openProjects)} />
            </div>

            <section className="dashboard__section" aria-labelledby="domains-title">
              <h2 id="domains-title" className="visually-hidden">
                {t('gaps.domains.title')}
              </h2>
              <DomainGapChart domains={data.domains} source={source} />
            </section>

            <section className="dashboard__section" aria-labelledby="ranking-title">
              <div className="section-head">
                <h2 id="ranking-title">{t('gaps.ranking.title')}</h2>
                <p className="muted">{t(`gaps.supply.counted.${source}`)}</p>
              </div>
              <p className="lead">{t('gaps.ranking.intro')}</p>
              <ShortageTable
                rows={data.rows}
                recommendations={data.recommendations}
                onDrill={setDrill}
                onUpskill={chooseUpskill}
              />
            </section>

            {upskillId && (
              <UpskillingPanel skills={gapSkills} skillId={upskillId} onSelect={setUpskill} source={source} />
            )}
          </div>
        )}
      </section>

      <TrendsPanel onDrill={setDrill} />

      {drill && <DrilldownDialog request={drill} onClose={() => setDrill(null)} onOpen={setDrill} />}
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <span className="kpi__label">{label}</span>
      <span className="kpi__value">{value}</span>
    </div>
  );
}
