import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, NO_FILTERS, filterQuery, type MatchFilterValues } from '../api';
import { useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';
import { useCounterfactualText } from './counterfactuals';
import { Explanation } from './explanation';
import { FilterBar } from './filter-bar';
import { PartsBar, PartsLegend } from './parts-bar';
import { WeightsPanel } from './weights-panel';

const TOP = 20;
const COUNTERFACTUALS = 3;

export function MatchesPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormat();
  const counterfactualText = useCounterfactualText();
  const baseId = useId();
  const [filters, setFilters] = useState<MatchFilterValues>(NO_FILTERS);
  // Bumped when the organization's weights are saved: the same filters then rank differently.
  const [weightsVersion, setWeightsVersion] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // The key is the query actually sent, so an incomplete filter (one date of two) does not re-query.
  const key = JSON.stringify([projectId, lang, filterQuery(filters), weightsVersion]);
  const { data, error, loading, retry } = useAsync(key, (signal) =>
    api.getMatches(projectId, { lang, filters, top: TOP, counterfactuals: COUNTERFACTUALS }, signal),
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
      </div>
      <FilterBar value={filters} onChange={setFilters} />
      <WeightsPanel onSaved={() => setWeightsVersion((v) => v + 1)} />

      {data && (
        <div className="score-help">
          <p>{t('matches.scoreHelp')}</p>
          <PartsLegend weights={data.weights} />
          <p className="muted" data-testid="matches-considered">
            {t('matches.considered', { shown: data.matches.length, considered: data.considered })}
          </p>
        </div>
      )}
      {error && <ErrorMessage title={t('matches.loadError')} error={error} onRetry={retry} />}
      {loading && <Loading />}
      {data && data.matches.length === 0 && (
        <p className="empty" data-testid="matches-empty">
          {t('matches.empty')}
        </p>
      )}
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
                <th scope="col" className="parts-col">
                  {t('matches.parts')}
                </th>
                <th scope="col">{t('matches.bestChange')}</th>
                <th scope="col">{t('matches.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.matches.map((m) => {
                const isOpen = open.has(m.talentId);
                const explanationId = `${baseId}-explain-${m.talentId}`;
                const score = format.points(m.score);
                const best = m.counterfactuals[0];
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
                      </td>
                      <td className="parts-col">
                        <PartsBar parts={m.parts} label={t('matches.partsOf', { name: m.name })} />
                      </td>
                      <td className="best-change" data-testid="match-best-change">
                        {best ? counterfactualText(best) : <span className="muted">—</span>}
                      </td>
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
                        <td colSpan={7}>
                          <Explanation match={m} weights={data.weights} id={explanationId} />
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
