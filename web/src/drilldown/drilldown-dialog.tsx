import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type GapRecordsResponse, type RecordSetResponse } from '../api';
import { useCodeLabel, useFormat } from '../i18n';
import { projectHref } from '../route';
import { ErrorMessage, Loading } from '../status';
import { useAsync } from '../use-async';
import type { DrillRequest, OpenDrill } from './drilldown';

type Loaded = { kind: 'gap'; data: GapRecordsResponse } | { kind: 'trend'; data: RecordSetResponse };

function requestKey(r: DrillRequest): string {
  switch (r.kind) {
    case 'gap':
      return `gap|${r.skillId}|${r.side}`;
    case 'trend':
      return `trend|${r.measure}|${r.period}|${r.key}`;
    case 'skills':
      return `skills|${r.title}`;
  }
}

/** The records behind a number, in a modal dialog: project ids (linked) or talent ids. */
export function DrilldownDialog({
  request,
  onClose,
  onOpen,
}: {
  request: DrillRequest;
  onClose: () => void;
  onOpen: OpenDrill;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // A `close` event still queued from an earlier close (React's development double mount) is ignored.
    const close = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', close);
    return () => {
      dialog.removeEventListener('close', close);
      if (dialog.open) dialog.close();
    };
  }, []);

  const title =
    request.kind === 'skills'
      ? request.title
      : request.kind === 'gap'
        ? t(`drill.gapTitle.${request.side}`, { skill: request.label })
        : t('drill.trendTitle', { measure: request.label, period: format.period(request.key) });

  return (
    <dialog
      ref={ref}
      className="drilldown"
      aria-labelledby="drilldown-title"
      data-testid="drilldown"
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) ref.current?.close();
      }}
    >
      <div className="drilldown__inner">
        <div className="drilldown__head">
          <h2 id="drilldown-title">{title}</h2>
          <button
            type="button"
            className="button button--small"
            onClick={() => ref.current?.close()}
            data-testid="drilldown-close"
          >
            {t('drill.close')}
          </button>
        </div>
        {request.kind === 'skills' ? (
          <SkillList skills={request.skills} onOpen={onOpen} />
        ) : (
          <Records key={requestKey(request)} request={request} />
        )}
      </div>
    </dialog>
  );
}

function SkillList({
  skills,
  onOpen,
}: {
  skills: readonly { id: string; label: string }[];
  onOpen: OpenDrill;
}) {
  const { t } = useTranslation();
  if (skills.length === 0) return <p className="empty">{t('drill.noSkills')}</p>;
  return (
    <>
      <p className="muted">{t('drill.skillsHelp', { count: skills.length })}</p>
      <ul className="drilldown__list" data-testid="drilldown-skills">
        {skills.map((s) => (
          <li key={s.id} data-testid="drilldown-skill" data-skill-id={s.id}>
            <span className="skill-label">{s.label}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => onOpen({ kind: 'gap', skillId: s.id, label: s.label, side: 'demand' })}
            >
              {t('drill.seeProjects')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Records({ request }: { request: Exclude<DrillRequest, { kind: 'skills' }> }) {
  const { t } = useTranslation();
  const { data, error, loading, retry } = useAsync<Loaded>(requestKey(request), async (signal) =>
    request.kind === 'gap'
      ? {
          kind: 'gap',
          data: await api.getGapRecords(
            request.skillId,
            { source: request.side === 'demand' ? 'all' : request.side },
            signal,
          ),
        }
      : {
          kind: 'trend',
          data: await api.getTrendRecords(
            { measure: request.measure, period: request.period, key: request.key },
            signal,
          ),
        },
  );
  // Project names, to show next to the ids (the list is small and cached by the browser).
  const projects = useAsync('drill-projects', (signal) => api.listProjects(signal));
  const names = new Map(projects.data?.projects.map((p) => [p.id, p.name]));

  if (error) return <ErrorMessage title={t('drill.loadError')} error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;

  if (data.kind === 'trend') {
    const { kind, total, ids } = data.data;
    return (
      <>
        <p className="muted" data-testid="drilldown-count">
          {t(kind === 'project' ? 'drill.projectCount' : 'drill.talentCount', { count: total })}
          {ids.length < total && ` ${t('drill.truncated', { shown: ids.length })}`}
        </p>
        {ids.length === 0 ? (
          <p className="empty">{t('drill.empty')}</p>
        ) : (
          <ul className="drilldown__list">
            {ids.map((id) => (
              <li key={id} data-testid="drilldown-id" data-record-id={id}>
                {kind === 'project' ? (
                  <a href={projectHref(id)}>
                    <code>{id}</code>
                  </a>
                ) : (
                  <code>{id}</code>
                )}
                {names.get(id) && <span className="muted">{names.get(id)}</span>}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return request.kind === 'gap' && request.side === 'demand' ? (
    <DemandRecords data={data.data} names={names} />
  ) : (
    <SupplyRecords data={data.data} />
  );
}

function DemandRecords({ data, names }: { data: GapRecordsResponse; names: Map<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const { demand } = data;
  return (
    <>
      <p className="muted" data-testid="drilldown-count">
        {t('drill.demandSummary', {
          count: demand.count,
          total: format.number(demand.total, 1),
          level: data.requiredLevel,
          from: format.date(data.window.from),
          to: format.date(data.window.to),
        })}
      </p>
      {demand.records.length === 0 ? (
        <p className="empty">{t('drill.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('drill.demandCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drill.project')}</th>
                <th scope="col">{t('project.status')}</th>
                <th scope="col" className="num">
                  {t('drill.level')}
                </th>
                <th scope="col">{t('project.must')}</th>
                <th scope="col" className="num">
                  {t('drill.personDays')}
                </th>
              </tr>
            </thead>
            <tbody>
              {demand.records.map((r) => (
                <tr key={r.projectId} data-testid="drilldown-id" data-record-id={r.projectId}>
                  <th scope="row">
                    <a href={projectHref(r.projectId)}>
                      <code>{r.projectId}</code>
                    </a>
                    {names.get(r.projectId) && (
                      <span className="drilldown__name">{names.get(r.projectId)}</span>
                    )}
                  </th>
                  <td>{label('status', r.status)}</td>
                  <td className="num">{t('project.levelValue', { level: r.level })}</td>
                  <td>{r.must ? t('common.yes') : t('common.no')}</td>
                  <td className="num">{format.number(r.personDays, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function SupplyRecords({ data }: { data: GapRecordsResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { supply } = data;
  return (
    <>
      <p className="muted" data-testid="drilldown-count">
        {t('drill.supplySummary', {
          count: supply.count,
          total: format.number(supply.total, 1),
          level: data.requiredLevel,
        })}
      </p>
      {supply.records.length === 0 ? (
        <p className="empty">{t('drill.noHolders')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('drill.supplyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drill.talent')}</th>
                <th scope="col">{t('matches.source')}</th>
                <th scope="col" className="num">
                  {t('drill.level')}
                </th>
                <th scope="col" className="num">
                  {t('drill.capacity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {supply.records.map((r) => (
                <tr key={r.talentId} data-testid="drilldown-id" data-record-id={r.talentId}>
                  <th scope="row">
                    <code>{r.talentId}</code>
                  </th>
                  <td>
                    <span className={`badge badge--${r.source}`}>{t(`source.${r.source}`)}</span>
                  </td>
                  <td className="num">{t('project.levelValue', { level: r.level })}</td>
                  <td className="num">{format.number(r.capacity, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
