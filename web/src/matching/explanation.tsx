import { useTranslation } from 'react-i18next';
import type { ExplanationOut, MatchOut, ScorePartsOut } from '../api';
import { useCodeLabel, useFormat } from '../i18n';
import { Counterfactuals } from './counterfactuals';
import { PART_NAMES, PROFILE_PARTS, SKILL_PARTS } from './parts';

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

/** What the profile brings: for each non-skill part, the facts it read, its value and its points. */
function ProfileTable({ match, weights }: { match: MatchOut; weights: ScorePartsOut }) {
  const { t } = useTranslation();
  const format = useFormat();
  const code = useCodeLabel();
  const p = match.profile;
  const facts: Record<(typeof PROFILE_PARTS)[number], string> = {
    vertical: [
      t(p.vertical.inIndustry ? 'profile.inIndustry' : 'profile.notInIndustry', {
        industry: code('industry', p.vertical.industry),
      }),
      t(p.vertical.inFunction ? 'profile.inFunction' : 'profile.notInFunction', {
        function: code('function', p.vertical.businessFunction),
      }),
    ].join(' · '),
    trackRecord:
      p.trackRecord.missions === 0
        ? t('profile.noMissions')
        : t('profile.missions', { count: p.trackRecord.missions, production: p.trackRecord.production }),
    availability: t('profile.availability', {
      days: format.number(p.availability.availableDays, 1),
      count: p.availability.workingDays,
    }),
    budget:
      p.budget.targetRate === null
        ? t('profile.noBudget', { cost: format.money(p.budget.dailyCost) })
        : t('profile.budget', {
            cost: format.money(p.budget.dailyCost),
            target: format.money(p.budget.targetRate),
          }),
    breadth:
      p.breadth.domains.length === 0
        ? t('profile.noDomains')
        : t('profile.domains', { domains: p.breadth.domains.map((d) => code('domain', d)).join(', ') }),
  };
  return (
    <table className="table table--compact profile-table" data-testid="profile">
      <caption>{t('profile.caption', { name: match.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('profile.part')}</th>
          <th scope="col">{t('profile.facts')}</th>
          <th scope="col" className="num">
            {t('profile.value')}
          </th>
          <th scope="col" className="num">
            {t('profile.max')}
          </th>
          <th scope="col" className="num">
            {t('profile.points')}
          </th>
        </tr>
      </thead>
      <tbody>
        {PROFILE_PARTS.map((name) => (
          <tr key={name} data-testid="profile-row" data-part={name}>
            <th scope="row">
              <span className={`part-key part--${name}`} aria-hidden="true" />
              {t(`part.${name}`)}
            </th>
            <td data-testid={`profile-${name}`}>{facts[name]}</td>
            <td className="num">{format.percent(p[name].value)}</td>
            <td className="num">{format.points(weights[name])}</td>
            <td className="num">
              <span className={match.parts[name] === 0 ? 'muted' : undefined}>
                {format.points(match.parts[name])}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Why a talent scores what it does: per required skill, what the talent brings and what it adds to the
 * skill parts; then what the profile adds; the eight parts adding up to the score; and the single changes
 * that would raise it most.
 */
export function Explanation({ match, weights, id }: { match: MatchOut; weights: ScorePartsOut; id: string }) {
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
            {SKILL_PARTS.map((name) => (
              <th key={name} scope="col" className="num">
                <span className={`part-key part--${name}`} aria-hidden="true" />
                {t(`part.${name}`)}
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
              {SKILL_PARTS.map((name) => (
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
            {SKILL_PARTS.map((name) => (
              <td key={name} className="num">
                {format.points(match.parts[name])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      <ProfileTable match={match} weights={weights} />
      <p className="sum" data-testid="explanation-sum">
        <span className="sum__label">{t('explain.sumLabel')}</span>
        <span className="sum__formula">
          {PART_NAMES.map((name, i) => (
            <span key={name} title={t(`part.${name}`)}>
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
      <Counterfactuals items={match.counterfactuals} />
    </div>
  );
}
