import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, SOURCE_FILTERS, type SourceFilter } from '../api';
import { useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';
import { Explanation } from './explanation';
import { PART_NAMES } from './parts';
import { PartsBar } from './parts-bar';

const TOP = 20;
const SOURCE_LABEL_KEYS = {
  all: 'matches.sourceAll',
  employee: 'matches.sourceEmployee',
  freelance: 'matches.sourceFreelance',
} as const satisfies Record<SourceFilter, string>;

export function MatchesPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormat();
  const baseId = useId();
  const [source, setSource] = useState<SourceFilter>('all');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { data, error, loading, retry } = useAsync(`${projectId}|${lang}|${source}`, (signal) =>
    api.getMatches(projectId, { lang, source, top: TOP }, signal),
  );

  const toggle = (talentId: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(talentId)) next.add(talentId);
      return next;
    });

  // An unknown project is already reported by the project detail above: no second error for the ranking.
  if (error instanceof ApiError && error.status === 404) return null;

  return (
    <section className="matches" aria-labelledby="matches-title" aria-busy={loading}>
      <div className="section-head">
        <h2 id="matches-title">{t('matches.title')}</h2>
        <div className="field">
          <label htmlFor={`${baseId}-source`}>{t('matches.sourceFilter')}</label>
          <select
            id={`${baseId}-source`}
            value={source}
            data-testid="source-filter"
            onChange={(e) => setSource(e.target.value as SourceFilter)}
          >
            {SOURCE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(SOURCE_LABEL_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
      </div>

      {data && (
        <div className="score-help">
          <p>
            {t('matches.scoreHelp', {
              coverage: Math.round(data.weights.coverage * 100),
              levelFit: Math.round(data.weights.levelFit * 100),
              adjacency: Math.round(data.weights.adjacency * 100),
            })}
          </p>
          <p className="muted">
            {t('matches.considered', { shown: data.matches.length, considered: data.considered })}
          </p>
        </div>
      )}
      {error && <ErrorMessage title={t('matches.loadError')} error={error} onRetry={retry} />}
      {loading && <Loading />}
      {data && data.matches.length === 0 && <p className="empty">{t('matches.empty')}</p>}
      {data && data.matches.length > 0 && (
        <div className={loading ? 'table-wrap is-stale' : 'table-wrap'}>
          <table className="table table--matches" data-testid="matches">
            <caption className="visually-hidden">{t('matches.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('matches.rank')}
                </th>
                <th scope="col">{t('matches.name')}</th>
                <th scope="col">{t('matches.source')}</th>
                <th scope="col" className="num">
                  {t('matches.score')}
                </th>
                {PART_NAMES.map((name) => (
                  <th key={name} scope="col" className="num">
                    <span className={`part-key part--${name}`} aria-hidden="true" />
                    {t(`matches.${name}`)}
                  </th>
                ))}
                <th scope="col">{t('matches.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.matches.map((m) => {
                const isOpen = open.has(m.talentId);
                const explanationId = `${baseId}-explain-${m.talentId}`;
                const score = format.points(m.score);
                return (
                  <Fragment key={m.talentId}>
                    <tr
                      className={isOpen ? 'match-row is-open' : 'match-row'}
                      data-testid="match-row"
                      data-talent-id={m.talentId}
                    >
                      <td className="num rank" data-testid="match-rank">
                        {m.rank}
                      </td>
                      <th scope="row" className="talent-name" data-testid="match-name">
                        {m.name}
                      </th>
                      <td>
                        <span className={`badge badge--${m.source}`} data-testid="match-source">
                          {t(`source.${m.source}`)}
                        </span>
                      </td>
                      <td className="num score-cell">
                        <strong data-testid="match-score">{score}</strong>
                        <PartsBar parts={m.parts} />
                      </td>
                      {PART_NAMES.map((name) => (
                        <td key={name} className="num" data-testid={`match-part-${name}`}>
                          {format.points(m.parts[name])}
                        </td>
                      ))}
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          aria-expanded={isOpen}
                          aria-controls={explanationId}
                          aria-label={
                            isOpen
                              ? t('matches.hideFor', { name: m.name })
                              : t('matches.showFor', { name: m.name, score })
                          }
                          data-testid="explain-toggle"
                          onClick={() => toggle(m.talentId)}
                        >
                          {isOpen ? t('matches.hide') : t('matches.show')}
                        </button>
                      </td>
                    </tr>
                    {isOpen && (
                      <tr className="explanation-row">
                        <td colSpan={5 + PART_NAMES.length}>
                          <Explanation match={m} id={explanationId} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
