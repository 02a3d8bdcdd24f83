import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type TeamOut, type TeamResponse, type TeamRules } from '../api';
import { useFormat, useLang } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import type { AssessedTeam } from '../readiness/readiness-card';

type RuleName = keyof TeamRules;
const RULES: readonly { name: RuleName; min: number; max?: number; step: number }[] = [
  { name: 'maxSize', min: 1, max: 50, step: 1 },
  { name: 'budget', min: 0, step: 1000 },
  { name: 'minEmployees', min: 0, max: 50, step: 1 },
  { name: 'maxFreelancers', min: 0, max: 50, step: 1 },
];

type State =
  | { status: 'idle' }
  | { status: 'loading'; previous?: TeamResponse }
  | { status: 'error'; error: Error; previous?: TeamResponse }
  | { status: 'done'; data: TeamResponse };

/** "Propose a team": the cheapest team covering the requirements within the rules, and its alternatives. */
export function TeamPanel({
  projectId,
  onAssess,
}: {
  projectId: string;
  onAssess: (team: AssessedTeam) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const baseId = useId();
  const [values, setValues] = useState<Record<RuleName, string>>({
    maxSize: '',
    budget: '',
    minEmployees: '',
    maxFreelancers: '',
  });
  const [state, setState] = useState<State>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const previous =
    state.status === 'done' ? state.data : state.status === 'idle' ? undefined : state.previous;

  const propose = (e?: FormEvent) => {
    e?.preventDefault();
    const rules: TeamRules = {};
    for (const r of RULES) {
      const raw = values[r.name].trim();
      if (raw !== '') rules[r.name] = Number(raw);
    }
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState({ status: 'loading', previous });
    api.proposeTeam(projectId, rules, lang, c.signal).then(
      (data) => {
        if (!c.signal.aborted) setState({ status: 'done', data });
      },
      (error: unknown) => {
        if (c.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          previous,
        });
      },
    );
  };

  // Skill labels come in the language of the call: propose again when the language changes.
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current !== lang && state.status === 'done') propose();
    lastLang.current = lang;
  }, [lang]);

  const rules = previous?.rules;
  const placeholder = (name: RuleName) => {
    const v = rules?.[name];
    if (v === undefined || v === null) return t('team.defaultRule');
    return t('team.defaultValue', { value: name === 'budget' ? String(Math.round(v)) : String(v) });
  };

  return (
    <section
      className="team card"
      aria-labelledby="team-title"
      aria-busy={state.status === 'loading'}
      data-testid="team"
    >
      <h2 id="team-title" className="card-title">
        {t('team.title')}
      </h2>
      <p className="muted">{t('team.intro')}</p>
      <form className="team-form" onSubmit={propose} data-testid="team-form">
        {RULES.map((r) => (
          <div key={r.name} className="team-form__field">
            <label htmlFor={`${baseId}-${r.name}`}>{t(`team.rules.${r.name}`)}</label>
            <input
              id={`${baseId}-${r.name}`}
              name={r.name}
              type="number"
              inputMode="numeric"
              min={r.min}
              max={r.max}
              step={r.step}
              value={values[r.name]}
              placeholder={placeholder(r.name)}
              data-testid={`team-${r.name}`}
              onChange={(e) => setValues((v) => ({ ...v, [r.name]: e.target.value }))}
            />
          </div>
        ))}
        <button
          type="submit"
          className="button button--primary"
          disabled={state.status === 'loading'}
          data-testid="team-propose"
        >
          {t('team.propose')}
        </button>
      </form>
      <p className="muted team-form__help">{t('team.rulesHelp')}</p>

      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <ErrorMessage title={t('team.error')} error={state.error} onRetry={() => propose()} />
      )}
      {previous && (
        <div className={state.status === 'loading' ? 'is-stale' : undefined}>
          <Proposal data={previous} onAssess={onAssess} />
        </div>
      )}
    </section>
  );
}

const KIND_ORDER: readonly TeamOut['kind'][] = ['cheapest', 'strongest', 'most-internal'];

function Proposal({ data, onAssess }: { data: TeamResponse; onAssess: (team: AssessedTeam) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const teams = [data.team, ...data.alternatives].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const [kind, setKind] = useState<TeamOut['kind']>('cheapest');
  const shown = teams.find((x) => x.kind === kind) ?? data.team;
  const required = shown.coverage.length;
  const covered = required - shown.uncovered.length;
  const { solve } = data;

  return (
    <div className="proposal" data-testid="team-proposal">
      {!data.feasible && (
        <p className="status status--error" role="alert" data-testid="team-infeasible">
          {t('team.infeasible')}
        </p>
      )}
      <p className="muted" data-testid="team-context">
        {t('team.context', {
          pool: data.pool,
          shortlisted: data.shortlisted,
          count: data.unavailable,
          days: data.projectDays,
        })}
      </p>

      {teams.length > 1 && (
        <div className="segmented segmented--tabs" role="group" aria-label={t('team.alternatives')}>
          {teams.map((x) => (
            <button
              key={x.kind}
              type="button"
              className="segmented__button"
              aria-pressed={x.kind === shown.kind}
              data-testid={`team-kind-${x.kind}`}
              onClick={() => setKind(x.kind)}
            >
              {t(`team.kind.${x.kind}`)}
              <span className="segmented__sub">{format.money(x.cost)}</span>
            </button>
          ))}
        </div>
      )}

      <div className="kpis kpis--team" data-testid="team-summary">
        <div className="kpi">
          <span className="kpi__label">{t('team.cost')}</span>
          <span className="kpi__value" data-testid="team-cost">
            {format.money(shown.cost)}
          </span>
          <span className="kpi__sub">
            {data.rules.budget === null
              ? t('team.noBudget')
              : t('team.ofBudget', { budget: format.money(data.rules.budget) })}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi__label">{t('team.members')}</span>
          <span className="kpi__value">{shown.members.length}</span>
          <span className="kpi__sub">
            {t('team.mix', { employees: shown.employees, freelancers: shown.freelancers })}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi__label">{t('team.coverage')}</span>
          <span className="kpi__value" data-testid="team-coverage">
            {t('team.coverageValue', { covered, required })}
          </span>
          <span className="kpi__sub">{t('team.strength', { value: format.percent(shown.strength) })}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">{t('team.optimality')}</span>
          <span className="kpi__value" data-testid="team-gap">
            {solve.gap === null ? '—' : format.percent(solve.gap, 1)}
          </span>
          <span className="kpi__sub">
            {shown.optimal ? t('team.proved') : t(`team.status.${solve.status}`)} ·{' '}
            {t(`team.method.${solve.method}`)}
          </span>
        </div>
      </div>

      {shown.members.length === 0 ? (
        <p className="empty" data-testid="team-empty">
          {data.unavailable > 0 && data.unavailable >= data.shortlisted
            ? t('team.noneAvailable')
            : t('team.empty')}
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="team-members">
              <caption className="visually-hidden">
                {t('team.membersCaption', { kind: t(`team.kind.${shown.kind}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('matches.name')}</th>
                  <th scope="col">{t('matches.source')}</th>
                  <th scope="col">{t('team.covers')}</th>
                  <th scope="col" className="num">
                    {t('matches.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('team.days')}
                  </th>
                  <th scope="col" className="num">
                    {t('team.dailyCost')}
                  </th>
                  <th scope="col" className="num">
                    {t('team.cost')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.members.map((m) => (
                  <tr key={m.talentId} data-testid="team-member" data-talent-id={m.talentId}>
                    <th scope="row" className="talent-name">
                      {m.name}
                    </th>
                    <td>
                      <span className={`badge badge--${m.source}`}>{t(`source.${m.source}`)}</span>
                    </td>
                    <td>
                      <ul className="chips" data-testid="member-covers">
                        {m.covers.map((id) => (
                          <li key={id} className="chip" data-skill-id={id}>
                            {shown.coverage.find((c) => c.skillId === id)?.label ?? id}
                          </li>
                        ))}
                        {m.covers.length === 0 && <li className="muted">{t('team.coversNothing')}</li>}
                      </ul>
                    </td>
                    <td className="num">{format.points(m.score)}</td>
                    <td className="num">{format.number(m.days, 1)}</td>
                    <td className="num">{format.money(m.dailyCost)}</td>
                    <td className="num">{format.money(m.cost)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={6}>
                    {t('explain.total')}
                  </th>
                  <td className="num">{format.money(shown.cost)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <button
            type="button"
            className="button"
            data-testid="team-assess"
            onClick={() =>
              onAssess({
                kind: shown.kind,
                members: shown.members.map((m) => ({ talentId: m.talentId, name: m.name })),
              })
            }
          >
            {t('team.assess')}
          </button>
        </>
      )}

      <Coverage team={shown} />
    </div>
  );
}

function Coverage({ team }: { team: TeamOut }) {
  const { t } = useTranslation();
  const names = new Map(team.members.map((m) => [m.talentId, m.name]));
  const reasons = new Map(team.uncovered.map((u) => [u.skillId, u.reason]));
  return (
    <div className="team-coverage">
      <h3>{t('team.whoCovers')}</h3>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="team-coverage-table">
          <caption className="visually-hidden">{t('team.coverageCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explain.requirement')}</th>
              <th scope="col" className="num">
                {t('project.level')}
              </th>
              <th scope="col">{t('project.must')}</th>
              <th scope="col">{t('team.coveredBy')}</th>
            </tr>
          </thead>
          <tbody>
            {team.coverage.map((c) => {
              const reason = reasons.get(c.skillId);
              return (
                <tr
                  key={c.skillId}
                  data-testid="coverage-row"
                  data-skill-id={c.skillId}
                  className={reason ? 'is-uncovered' : undefined}
                >
                  <th scope="row">{c.label}</th>
                  <td className="num">{t('project.levelValue', { level: c.requiredLevel })}</td>
                  <td>
                    {c.must ? (
                      <span className="badge badge--must">{t('common.yes')}</span>
                    ) : (
                      <span className="muted">{t('common.no')}</span>
                    )}
                  </td>
                  <td>
                    {c.coveredBy.length > 0 ? (
                      c.coveredBy.map((b, i) => (
                        <span key={b.talentId}>
                          {i > 0 && ', '}
                          {names.get(b.talentId) ?? b.talentId}{' '}
                          <span className="muted">({t('project.levelValue', { level: b.level })})</span>
                        </span>
                      ))
                    ) : (
                      <span className="uncovered" data-testid="uncovered">
                        <span aria-hidden="true">⚠ </span>
                        {t(`team.uncovered.${reason ?? 'constraints'}`)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
