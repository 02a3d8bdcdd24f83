import { useTranslation } from 'react-i18next';
import type { GapsResponse } from '../api';
import type { OpenDrill } from '../drilldown/drilldown';
import { useFormat } from '../i18n';

/**
 * The headline: the share of the N most demanded skills that nobody in the pool holds, for employees alone
 * and with the freelancers, side by side, and how much the freelance pool closes.
 */
export function Headline({ gaps, onDrill }: { gaps: GapsResponse; onDrill: OpenDrill }) {
  const { t } = useTranslation();
  const format = useFormat();
  const h = gaps.headline;
  const n = h.skills.length;
  const closedByFreelancers = h.absentEmployees.filter((s) => !h.absentAll.some((a) => a.id === s.id));
  const closedPoints = h.shareAbsentEmployees - h.shareAbsentAll;

  const stat = (
    variant: 'employees' | 'all',
    share: number,
    absent: readonly { id: string; label: string }[],
  ) => (
    <div className={`stat-card stat-card--${variant}`} data-testid={`headline-${variant}`}>
      <p className="stat-card__label">{t(`gaps.headline.${variant}`)}</p>
      <button
        type="button"
        className="stat-card__value"
        data-testid={`headline-share-${variant}`}
        aria-label={t('gaps.headline.drillLabel', {
          share: format.percent(share),
          count: absent.length,
          top: n,
          who: t(`gaps.headline.${variant}`),
        })}
        onClick={() =>
          onDrill({
            kind: 'skills',
            title: t(`gaps.headline.drillTitle.${variant}`, { top: n }),
            skills: absent,
          })
        }
      >
        {format.percent(share)}
      </button>
      <div className="meter" aria-hidden="true">
        <span className="meter__fill" style={{ width: `${Math.min(1, Math.max(0, share)) * 100}%` }} />
      </div>
      <p className="stat-card__detail">
        {t(`gaps.headline.detail.${variant}`, { count: absent.length, top: n })}
      </p>
    </div>
  );

  return (
    <section className="headline" aria-labelledby="headline-title" data-testid="headline">
      <h2 id="headline-title">{t('gaps.headline.title', { top: n })}</h2>
      <div className="headline__grid">
        {stat('employees', h.shareAbsentEmployees, h.absentEmployees)}
        {stat('all', h.shareAbsentAll, h.absentAll)}
        <div className="stat-card stat-card--delta" data-testid="headline-closed">
          <p className="stat-card__label">{t('gaps.headline.closedLabel')}</p>
          <button
            type="button"
            className="stat-card__value stat-card__value--delta"
            aria-label={t('gaps.headline.closedDrill', { count: closedByFreelancers.length })}
            onClick={() =>
              onDrill({
                kind: 'skills',
                title: t('gaps.headline.closedTitle'),
                skills: closedByFreelancers,
              })
            }
          >
            {t('gaps.headline.closedPoints', { points: format.number(closedPoints * 100) })}
          </button>
          <p className="stat-card__detail">
            {t('gaps.headline.closedDetail', {
              count: closedByFreelancers.length,
              absent: h.absentEmployees.length,
            })}
          </p>
        </div>
      </div>
      <p className="muted headline__context">
        {t('gaps.headline.context', {
          open: gaps.openProjects,
          employees: gaps.talents.employee,
          freelancers: gaps.talents.freelance,
          from: format.date(gaps.window.from),
          to: format.date(gaps.window.to),
        })}
      </p>
    </section>
  );
}
