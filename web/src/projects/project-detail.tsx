import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCodeLabel, useFormat, useLang } from '../i18n';
import { homeHref } from '../route';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';
import { StatusBadge } from './status-badge';

export function ProjectDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useCodeLabel();
  const format = useFormat();
  const { data, error, loading, retry } = useAsync(`${id}|${lang}`, (signal) =>
    api.getProject(id, lang, signal),
  );

  useEffect(() => {
    if (data) document.title = t('app.documentTitle', { page: data.name });
  }, [data, t]);

  return (
    <section className="project-detail" aria-labelledby="project-title" aria-busy={loading}>
      <a className="back-link" href={homeHref}>
        <span aria-hidden="true">← </span>
        {t('project.back')}
      </a>
      {error && <ErrorMessage title={t('project.loadError')} error={error} onRetry={retry} />}
      {loading && !data && <Loading />}
      {data && (
        <div data-testid="project-detail" data-project-id={data.id}>
          <div className="project-detail__head">
            <h1 id="project-title">{data.name}</h1>
            <StatusBadge status={data.status} />
          </div>

          <div className="project-detail__body">
            <div className="card">
              <h2>{t('project.brief')}</h2>
              <p className="brief" lang={data.language} data-testid="project-brief">
                {data.brief}
              </p>
            </div>
            <div className="card">
              <h2>{t('project.facts')}</h2>
              <dl className="facts">
                <dt>{t('project.industry')}</dt>
                <dd data-testid="project-industry">{label('industry', data.industry)}</dd>
                <dt>{t('project.function')}</dt>
                <dd data-testid="project-function">{label('function', data.businessFunction)}</dd>
                <dt>{t('project.archetype')}</dt>
                <dd>{label('archetype', data.archetype)}</dd>
                <dt>{t('project.status')}</dt>
                <dd data-testid="project-status">{label('status', data.status)}</dd>
                <dt>{t('project.period')}</dt>
                <dd>
                  {t('projects.period', {
                    start: format.date(data.startDate),
                    end: format.date(data.endDate),
                  })}
                </dd>
                <dt>{t('project.budget')}</dt>
                <dd>{data.budget === null ? t('project.budgetNone') : format.money(data.budget)}</dd>
                <dt>{t('project.language')}</dt>
                <dd>{t(`lang.${data.language}`)}</dd>
              </dl>
            </div>
          </div>

          <h2 id="requirements-title">{t('project.requirements')}</h2>
          {data.requirements.length === 0 ? (
            <p className="empty">{t('project.noRequirements')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="requirements">
                <caption className="visually-hidden">{t('project.requirementsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('project.skill')}</th>
                    <th scope="col">{t('project.domain')}</th>
                    <th scope="col" className="num">
                      {t('project.level')}
                    </th>
                    <th scope="col" className="num">
                      {t('project.weight')}
                    </th>
                    <th scope="col">{t('project.must')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.requirements.map((r) => (
                    <tr key={r.skillId} data-testid="requirement-row" data-skill-id={r.skillId}>
                      <th scope="row" className="skill-label">
                        {r.label}
                      </th>
                      <td>{label('domain', r.domain)}</td>
                      <td className="num">
                        <LevelDots level={r.level} />
                        {t('project.levelValue', { level: r.level })}
                      </td>
                      <td className="num">{r.weight}</td>
                      <td>
                        {r.must ? (
                          <span className="badge badge--must">{t('common.yes')}</span>
                        ) : (
                          <span className="muted">{t('common.no')}</span>
                        )}
                      </td>
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

function LevelDots({ level }: { level: number }) {
  return (
    <span className="level-dots" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={i <= level ? 'level-dots__dot level-dots__dot--on' : 'level-dots__dot'} />
      ))}
    </span>
  );
}
