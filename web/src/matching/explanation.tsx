import { useTranslation } from 'react-i18next';
import type { ExplanationOut, MatchOut } from '../api';
import { useFormat } from '../i18n';
import { PART_NAMES } from './parts';

function Brings({ brings }: { brings: ExplanationOut['brings'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (brings.kind) {
    case 'exact':
      return (
        <span className="brings brings--exact" data-brings="exact">
          <span className="brings__icon" aria-hidden="true">
            ✓
          </span>
          <span>
            {t('explain.exact', { level: brings.level })}
            <span className="brings__detail">
              {brings.evidence
                ? t('explain.evidence', {
                    evidence: t(`evidence.${brings.evidence}`, { defaultValue: brings.evidence }),
                  })
                : t('explain.noEvidence')}
            </span>
          </span>
        </span>
      );
    case 'adjacent':
      return (
        <span className="brings brings--adjacent" data-brings="adjacent">
          <span className="brings__icon" aria-hidden="true">
            ≈
          </span>
          <span>
            {t('explain.adjacent', { via: brings.viaLabel, level: brings.level })}
            <span className="brings__detail">
              {t('explain.credit', {
                transfer: format.percent(brings.transfer),
                credit: format.percent(brings.credit),
              })}
            </span>
          </span>
        </span>
      );
    case 'none':
      return (
        <span className="brings brings--none" data-brings="none">
          <span className="brings__icon" aria-hidden="true">
            –
          </span>
          <span>{t('explain.none')}</span>
        </span>
      );
  }
}

/** Per required skill: what the talent brings and what it adds to each part; the parts add up to the score. */
export function Explanation({ match, id }: { match: MatchOut; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const points = (v: number) => <span className={v === 0 ? 'muted' : undefined}>{format.points(v)}</span>;

  return (
    <div className="explanation" id={id} data-testid="explanation">
      <table className="table table--compact">
        <caption>{t('explain.caption', { name: match.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('explain.requirement')}</th>
            <th scope="col" className="num">
              {t('explain.share')}
            </th>
            <th scope="col">{t('explain.brings')}</th>
            {PART_NAMES.map((name) => (
              <th key={name} scope="col" className="num">
                <span className={`part-key part--${name}`} aria-hidden="true" />
                {t(`matches.${name}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {match.explanation.map((e) => (
            <tr key={e.skillId} data-testid="explanation-row" data-skill-id={e.skillId}>
              <th scope="row">
                <span className="skill-label" data-testid="explanation-skill">
                  {e.label}
                </span>
                <span className="req-meta">
                  {t('explain.requiredLevel', { level: e.requiredLevel })}
                  {e.must && <span className="badge badge--must">{t('project.must')}</span>}
                </span>
              </th>
              <td className="num">{format.percent(e.share)}</td>
              <td>
                <Brings brings={e.brings} />
              </td>
              {PART_NAMES.map((name) => (
                <td key={name} className="num">
                  {points(e.contributions[name])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('explain.total')}
            </th>
            {PART_NAMES.map((name) => (
              <td key={name} className="num">
                {format.points(match.parts[name])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      <p className="sum" data-testid="explanation-sum">
        <span className="sum__label">{t('explain.sumLabel')}</span>
        <span className="sum__formula">
          {PART_NAMES.map((name, i) => (
            <span key={name}>
              {i > 0 && <span aria-hidden="true"> + </span>}
              <span className={`sum__part part-text--${name}`} data-testid={`sum-${name}`}>
                {format.points(match.parts[name])}
              </span>
            </span>
          ))}
          <span aria-hidden="true"> = </span>
          <strong data-testid="sum-score">{format.points(match.score)}</strong>
        </span>
      </p>
    </div>
  );
}
