import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SupplySource, type UpskillingResponse } from '../api';
import { useCodeLabel, useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';
import { recommendationReason } from './recommendation';

type Learner = UpskillingResponse['learners'][number];

/** For a gap skill: the employees who could learn it fastest, with their learning path and effort. */
export function UpskillingPanel({
  skills,
  skillId,
  onSelect,
  source,
}: {
  skills: readonly { id: string; label: string }[];
  skillId: string;
  onSelect: (skillId: string) => void;
  source: SupplySource;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormat();
  const label = useCodeLabel();
  const selectId = useId();
  const { data, error, loading, retry } = useAsync(`${skillId}|${lang}|${source}`, (signal) =>
    api.getUpskilling(skillId, { lang, source, top: 10 }, signal),
  );

  return (
    <section
      className="upskilling"
      id="upskilling"
      aria-labelledby="upskilling-title"
      aria-busy={loading}
      tabIndex={-1}
      data-testid="upskilling"
    >
      <div className="section-head">
        <h2 id="upskilling-title">{t('upskilling.title')}</h2>
        <div className="field">
          <label htmlFor={selectId}>{t('upskilling.skill')}</label>
          <select
            id={selectId}
            value={skillId}
            data-testid="upskilling-skill"
            onChange={(e) => onSelect(e.target.value)}
          >
            {skills.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="lead">{t('upskilling.intro')}</p>
      {error && <ErrorMessage title={t('upskilling.loadError')} error={error} onRetry={retry} />}
      {loading && !data && <Loading />}
      {data && (
        <div className={loading ? 'is-stale' : undefined}>
          <dl className="facts facts--inline" data-testid="upskilling-facts">
            <dt>{t('project.domain')}</dt>
            <dd>{label('domain', data.skill.domain)}</dd>
            <dt>{t('project.level')}</dt>
            <dd>{t('project.levelValue', { level: data.requiredLevel })}</dd>
            <dt>{t('upskilling.holders')}</dt>
            <dd>
              {t('upskilling.holdersValue', {
                employees: data.holders.employee,
                freelancers: data.holders.freelance,
              })}
            </dd>
            <dt>{t('upskilling.fromScratch')}</dt>
            <dd>
              {t('upskilling.weeks', {
                count: data.fromScratchWeeks,
                value: format.number(data.fromScratchWeeks, 1),
              })}
            </dd>
            <dt>{t('upskilling.headStart')}</dt>
            <dd>{data.withHeadStart}</dd>
          </dl>
          {data.recommendation && (
            <p className="callout" data-testid="upskilling-recommendation">
              <span className={`badge badge--action-${data.recommendation.action}`}>
                {t(`gaps.action.${data.recommendation.action}`)}
              </span>{' '}
              {recommendationReason(data.recommendation, t, format)}
            </p>
          )}
          {data.learners.length === 0 ? (
            <p className="empty">{t('upskilling.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="learners">
                <caption className="visually-hidden">
                  {t('upskilling.caption', { skill: data.skill.label })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('matches.rank')}
                    </th>
                    <th scope="col">{t('matches.name')}</th>
                    <th scope="col">{t('upskilling.startsFrom')}</th>
                    <th scope="col">{t('upskilling.path')}</th>
                    <th scope="col" className="num">
                      {t('upskilling.effort')}
                    </th>
                    <th scope="col" className="num">
                      {t('upskilling.dailyCost')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.learners.map((l, i) => (
                    <tr key={l.talentId} data-testid="learner-row" data-talent-id={l.talentId}>
                      <td className="num rank">{i + 1}</td>
                      <th scope="row">
                        <span className="skill-label">{l.name}</span>
                        <code className="cell-sub">{l.talentId}</code>
                      </th>
                      <td>
                        {l.currentLevel > 0
                          ? t('upskilling.currentLevel', { level: l.currentLevel })
                          : l.from
                            ? t('upskilling.adjacent', { skill: l.from.label, level: l.from.level })
                            : t('upskilling.scratch')}
                      </td>
                      <td>
                        <LearningPath learner={l} />
                      </td>
                      <td className="num" data-testid="learner-weeks">
                        <strong>
                          {t('upskilling.weeks', {
                            count: l.effortWeeks,
                            value: format.number(l.effortWeeks, 1),
                          })}
                        </strong>
                      </td>
                      <td className="num">{format.money(l.dailyCost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function LearningPath({ learner }: { learner: Learner }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = new Map<string, string>();
  if (learner.from) labels.set(learner.from.skillId, learner.from.label);
  for (const s of learner.plan) labels.set(s.skillId, s.label);
  return (
    <ol className="path" data-testid="learning-path">
      {learner.plan.map((s, i) => (
        <li key={`${s.skillId}-${i}`}>
          <span className="skill-label">{s.label}</span>
          <span className="cell-sub">
            {s.from
              ? t('upskilling.step', {
                  from: labels.get(s.from) ?? s.from,
                  transfer: format.percent(s.transfer),
                  weeks: format.number(s.weeks, 1),
                })
              : t('upskilling.stepScratch', { weeks: format.number(s.weeks, 1) })}
          </span>
        </li>
      ))}
    </ol>
  );
}
