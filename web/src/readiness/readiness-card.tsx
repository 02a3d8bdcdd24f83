import { useTranslation } from 'react-i18next';
import { api, ApiError, type ReadinessResponse } from '../api';
import { useCodeLabel, useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';

type Factor = ReadinessResponse['factors'][number];

/** The team readiness is assessed against: a proposed team, or the pool when none is chosen. */
export interface AssessedTeam {
  kind: string;
  members: readonly { talentId: string; name: string }[];
}

/**
 * Readiness of the project: a 0–100 score that is the sum of the factor contributions, its risk level, and
 * the changes that would raise it most.
 */
export function ReadinessCard({
  projectId,
  team,
  onClearTeam,
}: {
  projectId: string;
  team: AssessedTeam | null;
  onClearTeam: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormat();
  const ids = team?.members.map((m) => m.talentId) ?? [];
  const { data, error, loading, retry } = useAsync(`${projectId}|${lang}|${ids.join(',')}`, (signal) =>
    api.getReadiness(projectId, { lang, team: ids }, signal),
  );

  // An unknown project is already reported by the project detail above.
  if (error instanceof ApiError && error.status === 404) return null;

  return (
    <section
      className="readiness card"
      aria-labelledby="readiness-title"
      aria-busy={loading}
      data-testid="readiness"
    >
      <div className="readiness__head">
        <div>
          <h2 id="readiness-title" className="card-title">
            {t('readiness.title')}
          </h2>
          {data && (
            <p className="muted readiness__against" data-testid="readiness-against">
              {data.team.source === 'team' && team
                ? t('readiness.againstTeam', {
                    kind: t(`readiness.teamKind.${team.kind}`, { defaultValue: team.kind }),
                    count: data.team.members.length,
                  })
                : t('readiness.againstPool')}
              {team && (
                <button
                  type="button"
                  className="link-button"
                  onClick={onClearTeam}
                  data-testid="readiness-pool"
                >
                  {t('readiness.backToPool')}
                </button>
              )}
            </p>
          )}
        </div>
        {data && (
          <div className="readiness__score">
            <span className="readiness__number">
              <strong data-testid="readiness-score">{format.fixed(data.score)}</strong>
              <span className="muted">{t('readiness.outOf')}</span>
            </span>
            <span
              className={`badge badge--risk-${data.risk}`}
              data-testid="readiness-risk"
              data-risk={data.risk}
            >
              {t(`readiness.risk.${data.risk}`)}
            </span>
          </div>
        )}
      </div>
      {error && <ErrorMessage title={t('readiness.loadError')} error={error} onRetry={retry} />}
      {loading && !data && <Loading />}
      {data && (
        <div className={loading ? 'is-stale' : undefined}>
          <ContributionBar factors={data.factors} score={data.score} />
          <p className="muted readiness__weights">
            {data.weights.source === 'fitted' ? t('readiness.weightsFitted') : t('readiness.weightsDefault')}
            {data.productionProbability !== null &&
              ` ${t('readiness.probability', { value: format.percent(data.productionProbability) })}`}
          </p>
          <FactorTable data={data} />
          <Domains domains={data.domains} />
          <WhatIf data={data} />
        </div>
      )}
    </section>
  );
}

function ContributionBar({ factors, score }: { factors: readonly Factor[]; score: number }) {
  return (
    <div className="contrib-bar" aria-hidden="true">
      {factors.map((f) => (
        <span
          key={f.id}
          className={`contrib-bar__part factor--${f.id}`}
          style={{ width: `${Math.max(0, f.contribution)}%` }}
        />
      ))}
      <span className="contrib-bar__rest" style={{ width: `${Math.max(0, 100 - score)}%` }} />
    </div>
  );
}

function FactorTable({ data }: { data: ReadinessResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="readiness-factors">
          <caption className="visually-hidden">{t('readiness.factorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('readiness.factor')}</th>
              <th scope="col">{t('readiness.why')}</th>
              <th scope="col" className="num">
                {t('readiness.value')}
              </th>
              <th scope="col" className="num">
                {t('readiness.weight')}
              </th>
              <th scope="col" className="num">
                {t('readiness.contribution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.factors.map((f) => (
              <tr key={f.id} data-testid="readiness-factor" data-factor-id={f.id}>
                <th scope="row">
                  <span className={`part-key factor--${f.id}`} aria-hidden="true" />
                  {t(`readiness.factors.${f.id}`)}
                </th>
                <td className="readiness__reason">{f.reason.text}</td>
                <td className="num">{format.percent(f.value)}</td>
                <td className="num">{format.number(f.weight, 1)}</td>
                <td className="num" data-testid="factor-contribution">
                  {format.fixed(f.contribution)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('readiness.total')}
              </th>
              <td className="num">
                {format.number(
                  data.factors.reduce((s, f) => s + f.weight, 0),
                  1,
                )}
              </td>
              <td className="num">{format.fixed(data.score)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="sum" data-testid="readiness-sum">
        <span className="sum__label">{t('readiness.sumLabel')}</span>
        <span className="sum__formula">
          {data.factors.map((f, i) => (
            <span key={f.id}>
              {i > 0 && <span aria-hidden="true"> + </span>}
              <span className="sum__part">{format.fixed(f.contribution)}</span>
            </span>
          ))}
          <span aria-hidden="true"> = </span>
          <strong>{format.fixed(data.score)}</strong>
        </span>
      </p>
    </>
  );
}

function Domains({ domains }: { domains: ReadinessResponse['domains'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  if (domains.length === 0) return null;
  return (
    <div className="readiness__domains">
      <h3>{t('readiness.domains')}</h3>
      <ul className="domain-cover" data-testid="readiness-domains">
        {domains.map((d) => (
          <li key={d.domain} className={d.coverage >= 1 ? 'is-covered' : undefined}>
            <span className="domain-cover__name">{label('domain', d.domain)}</span>
            <span className="meter meter--small" aria-hidden="true">
              <span
                className="meter__fill meter__fill--ok"
                style={{ width: `${Math.min(1, d.coverage) * 100}%` }}
              />
            </span>
            <span className="domain-cover__value">{format.percent(d.coverage)}</span>
            {d.gaps.length > 0 && (
              <span className="domain-cover__gaps">
                {t('readiness.gaps', { skills: d.gaps.map((g) => g.label).join(', ') })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function WhatIf({ data }: { data: ReadinessResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="readiness__whatif">
      <h3>{t('readiness.whatIf')}</h3>
      {data.whatIf.length === 0 ? (
        <p className="muted">{t('readiness.noWhatIf')}</p>
      ) : (
        <ol className="whatif" data-testid="readiness-whatif">
          {data.whatIf.map((w) => {
            const best = data.best?.id === w.id;
            return (
              <li
                key={w.id}
                className={best ? 'whatif__item is-best' : 'whatif__item'}
                data-testid="whatif-item"
              >
                <span
                  className="whatif__gain"
                  aria-label={t('readiness.gainLabel', { gain: format.signed(w.gain) })}
                >
                  {t('readiness.gain', { gain: format.signed(w.gain) })}
                </span>
                <span className="whatif__text">
                  {w.message.text}
                  <span className="cell-sub">
                    {t('readiness.scoreAfter', { score: format.fixed(w.scoreAfter) })}
                    {best && <span className="badge badge--best">{t('readiness.best')}</span>}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
