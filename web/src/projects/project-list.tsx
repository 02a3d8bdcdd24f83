import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCodeLabel, useFormat } from '../i18n';
import { projectHref } from '../route';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';
import { StatusBadge } from './status-badge';

export function ProjectList() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const { data, error, loading, retry } = useAsync('projects', (signal) => api.listProjects(signal));

  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, []);

  return (
    <section aria-labelledby="projects-title" aria-busy={loading}>
      <div className="section-head">
        <h1 id="projects-title">{t('projects.title')}</h1>
        {data && <p className="muted">{t('projects.count', { count: data.projects.length })}</p>}
      </div>
      <p className="lead">{t('projects.intro')}</p>
      {error && <ErrorMessage title={t('projects.loadError')} error={error} onRetry={retry} />}
      {loading && !data && <Loading />}
      {data && data.projects.length === 0 && <p className="empty">{t('projects.empty')}</p>}
      {data && data.projects.length > 0 && (
        <ul className="project-grid" data-testid="project-list">
          {data.projects.map((p) => (
            <li key={p.id} data-testid="project-item" data-project-id={p.id}>
              <a className="project-card" href={projectHref(p.id)}>
                <span className="project-card__top">
                  <span className="project-card__archetype">{label('archetype', p.archetype)}</span>
                  <StatusBadge status={p.status} />
                </span>
                <span className="project-card__name">{p.name}</span>
                <span className="project-card__meta">
                  {label('industry', p.industry)} · {label('function', p.businessFunction)}
                </span>
                <span className="project-card__foot">
                  <span>{t('projects.requirements', { count: p.requirementCount })}</span>
                  <span>
                    {t('projects.period', { start: format.date(p.startDate), end: format.date(p.endDate) })}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
