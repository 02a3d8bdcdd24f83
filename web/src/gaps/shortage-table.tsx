import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapRow, Recommendation } from '../api';
import type { OpenDrill } from '../drilldown/drilldown';
import { useCodeLabel, useFormat } from '../i18n';
import { recommendationReason } from './recommendation';

/** The skills short the most: demand, supply from employees and freelancers, and what to do about it. */
export function ShortageTable({
  rows,
  recommendations,
  onDrill,
  onUpskill,
}: {
  rows: readonly GapRow[];
  recommendations: readonly Recommendation[];
  onDrill: OpenDrill;
  onUpskill: (skillId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const baseId = useId();
  const [open, setOpen] = useState<string | null>(null);
  const recs = new Map(recommendations.map((r) => [r.skillId, r]));
  const pd = (v: number) => format.number(v, 0);

  if (rows.length === 0) return <p className="empty">{t('gaps.ranking.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table--gaps" data-testid="shortage-table">
        <caption className="visually-hidden">{t('gaps.ranking.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num" title={t('gaps.ranking.rankTitle')}>
              {t('gaps.ranking.rank')}
            </th>
            <th scope="col">{t('project.skill')}</th>
            <th scope="col" className="num">
              {t('gaps.ranking.demand')}
            </th>
            <th scope="col" className="num">
              {t('gaps.ranking.employees')}
            </th>
            <th scope="col" className="num">
              {t('gaps.ranking.freelancers')}
            </th>
            <th scope="col" className="num">
              {t('gaps.ranking.ratio')}
            </th>
            <th scope="col" className="num">
              {t('gaps.ranking.shortage')}
            </th>
            <th scope="col">{t('gaps.ranking.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const rec = recs.get(r.skillId);
            const isOpen = open === r.skillId;
            const detailId = `${baseId}-rec-${r.skillId}`;
            return (
              <Fragment key={r.skillId}>
                <tr
                  className={isOpen ? 'match-row is-open' : 'match-row'}
                  data-testid="shortage-row"
                  data-skill-id={r.skillId}
                >
                  <td className="num rank">{r.demandRank}</td>
                  <th scope="row">
                    <span className="skill-label">{r.label}</span>
                    <span className="req-meta">
                      {label('domain', r.domain)} · {t('explain.requiredLevel', { level: r.requiredLevel })}
                    </span>
                  </th>
                  <td className="num">
                    <button
                      type="button"
                      className="drill-button"
                      data-testid="drill-demand"
                      aria-label={t('gaps.ranking.drillDemand', { skill: r.label, count: r.openProjects })}
                      onClick={() =>
                        onDrill({ kind: 'gap', skillId: r.skillId, label: r.label, side: 'demand' })
                      }
                    >
                      {pd(r.demand)}
                    </button>
                    <span className="cell-sub">{t('gaps.ranking.projects', { count: r.openProjects })}</span>
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="drill-button"
                      data-testid="drill-employees"
                      aria-label={t('gaps.ranking.drillSupply', {
                        skill: r.label,
                        who: t('gaps.ranking.employees'),
                        count: r.employees.holders,
                      })}
                      onClick={() =>
                        onDrill({ kind: 'gap', skillId: r.skillId, label: r.label, side: 'employee' })
                      }
                    >
                      {pd(r.employees.personDays)}
                    </button>
                    <span className="cell-sub">
                      {t('gaps.ranking.holders', { count: r.employees.holders })}
                    </span>
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="drill-button"
                      data-testid="drill-freelancers"
                      aria-label={t('gaps.ranking.drillSupply', {
                        skill: r.label,
                        who: t('gaps.ranking.freelancers'),
                        count: r.freelancers.holders,
                      })}
                      onClick={() =>
                        onDrill({ kind: 'gap', skillId: r.skillId, label: r.label, side: 'freelance' })
                      }
                    >
                      {pd(r.freelancers.personDays)}
                    </button>
                    <span className="cell-sub">
                      {t('gaps.ranking.holders', { count: r.freelancers.holders })}
                    </span>
                  </td>
                  <td className="num">
                    {r.ratio === null ? '—' : format.percent(r.ratio)}
                    <span className="ratio-bar" aria-hidden="true">
                      <span
                        className="ratio-bar__fill"
                        style={{ width: `${Math.min(1, Math.max(0, r.ratio ?? 0)) * 100}%` }}
                      />
                    </span>
                  </td>
                  <td className="num">
                    <strong>{pd(r.shortage)}</strong>
                    <span className="cell-sub">
                      {t('gaps.ranking.fte', { value: format.number(r.shortageFte, 1) })}
                    </span>
                  </td>
                  <td>
                    {rec ? (
                      <span className="action-cell">
                        <span className={`badge badge--action-${rec.action}`} data-testid="action">
                          {t(`gaps.action.${rec.action}`)}
                        </span>
                        <button
                          type="button"
                          className="button button--small"
                          aria-expanded={isOpen}
                          aria-controls={detailId}
                          aria-label={t(isOpen ? 'gaps.ranking.hideWhy' : 'gaps.ranking.showWhy', {
                            skill: r.label,
                          })}
                          data-testid="action-why"
                          onClick={() => setOpen(isOpen ? null : r.skillId)}
                        >
                          {isOpen ? t('matches.hide') : t('matches.show')}
                        </button>
                      </span>
                    ) : (
                      <span className="muted">{r.shortage > 0 ? '—' : t('gaps.ranking.noShortage')}</span>
                    )}
                    <button
                      type="button"
                      className="link-button upskill-link"
                      data-testid="upskill-button"
                      aria-label={t('gaps.ranking.upskillFor', { skill: r.label })}
                      onClick={() => onUpskill(r.skillId)}
                    >
                      {t('gaps.ranking.upskill')}
                    </button>
                  </td>
                </tr>
                {isOpen && rec && (
                  <tr className="explanation-row">
                    <td colSpan={8}>
                      <RecommendationDetail id={detailId} rec={rec} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RecommendationDetail({ id, rec }: { id: string; rec: Recommendation }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="explanation" id={id} data-testid="recommendation">
      <p className="recommendation__reason" data-testid="recommendation-reason">
        {recommendationReason(rec, t, format)}
      </p>
      {rec.unblocks > 0 && <p className="muted">{t('gaps.reason.unblocks', { count: rec.unblocks })}</p>}
      <table className="table table--compact">
        <caption>{t('gaps.options.caption', { skill: rec.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('gaps.options.option')}</th>
            <th scope="col" className="num">
              {t('gaps.options.weeks')}
            </th>
            <th scope="col" className="num">
              {t('gaps.options.covers')}
            </th>
            <th scope="col" className="num">
              {t('gaps.options.rate')}
            </th>
            <th scope="col" className="num">
              {t('gaps.options.setup')}
            </th>
            <th scope="col" className="num">
              {t('gaps.options.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rec.options.map((o) => (
            <tr key={o.action} className={o.action === rec.action ? 'is-chosen' : undefined}>
              <th scope="row">
                <span className={`badge badge--action-${o.action}`}>{t(`gaps.action.${o.action}`)}</span>
                {o.action === rec.action && <span className="chosen-mark">{t('gaps.options.chosen')}</span>}
              </th>
              {o.available && o.weeks !== null ? (
                <>
                  <td className="num">{format.number(o.weeks, 1)}</td>
                  <td className="num">{format.percent(o.covers)}</td>
                  <td className="num">
                    {o.costPerPersonDay === null ? '—' : format.money(o.costPerPersonDay)}
                  </td>
                  <td className="num">{format.money(o.setupCost)}</td>
                  <td className="num">{format.money(o.cost)}</td>
                </>
              ) : (
                <td colSpan={5} className="muted">
                  {t('gaps.options.unavailable')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
