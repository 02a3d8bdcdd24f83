import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ScorePartsOut, type WeightsBody, type WeightsResponse } from '../api';
import { useFormat } from '../i18n';
import { ErrorMessage, Loading } from '../status';
import { PART_NAMES, type PartName } from './parts';

type State =
  | { status: 'loading' }
  | { status: 'ready'; data: WeightsResponse; saved: boolean }
  | { status: 'saving'; data: WeightsResponse }
  | { status: 'error'; error: Error; data?: WeightsResponse };

/** Weights as the percentages typed in the form (one decimal is plenty for a weight). */
const asPercents = (w: ScorePartsOut): Record<PartName, string> =>
  Object.fromEntries(PART_NAMES.map((p) => [p, String(Math.round(w[p] * 1000) / 10)])) as Record<
    PartName,
    string
  >;

/**
 * The organization's score weights: shown as percentages, editable, saved for every ranking (the API
 * scales them to sum 100 %). Rendered only when opened, so the page does not load settings it never shows.
 */
export function WeightsPanel({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="weights-panel"
      data-testid="weights-panel"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary data-testid="weights-toggle">{t('weights.title')}</summary>
      {open && <WeightsForm onSaved={onSaved} />}
    </details>
  );
}

function WeightsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [values, setValues] = useState<Record<PartName, string> | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = (
    call: (signal: AbortSignal) => Promise<WeightsResponse>,
    previous?: WeightsResponse,
    save = false,
  ) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState(previous ? { status: 'saving', data: previous } : { status: 'loading' });
    call(c.signal).then(
      (data) => {
        if (c.signal.aborted) return;
        setState({ status: 'ready', data, saved: save });
        setValues(asPercents(data.weights));
        if (save) onSaved();
      },
      (error: unknown) => {
        if (c.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          data: previous,
        });
      },
    );
  };

  useEffect(() => {
    run((signal) => api.getWeights(signal));
    return () => controller.current?.abort();
  }, []);

  const data = state.status === 'loading' ? undefined : state.data;
  const total = values ? PART_NAMES.reduce((a, p) => a + (Number(values[p]) || 0), 0) : 0;

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!values) return;
    const body: WeightsBody = {};
    for (const p of PART_NAMES) body[p] = (Number(values[p]) || 0) / 100;
    run((signal) => api.putWeights(body, signal), data, true);
  };

  return (
    <div className="weights-form">
      <p className="muted">{t('weights.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage title={t('weights.error')} error={state.error} />}
      {values && data && (
        <form onSubmit={save} aria-busy={state.status === 'saving'}>
          <div className="weights-form__grid">
            {PART_NAMES.map((p) => (
              <div key={p} className="weights-form__field">
                <label htmlFor={`${id}-${p}`}>
                  <span className={`part-key part--${p}`} aria-hidden="true" />
                  {t(`part.${p}`)}
                </label>
                <input
                  id={`${id}-${p}`}
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  inputMode="decimal"
                  value={values[p]}
                  aria-describedby={`${id}-${p}-default`}
                  data-testid={`weight-${p}`}
                  onChange={(e) => {
                    setValues({ ...values, [p]: e.target.value });
                    if (state.status === 'ready') setState({ ...state, saved: false });
                  }}
                />
                <span id={`${id}-${p}-default`} className="muted weights-form__default">
                  {t('weights.default', { value: format.number(data.defaults[p] * 100, 1) })}
                </span>
              </div>
            ))}
          </div>
          <p className="muted">{t('weights.total', { total: format.number(total, 1) })}</p>
          <div className="weights-form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={state.status === 'saving' || !(total > 0)}
              data-testid="weights-save"
            >
              {t('weights.save')}
            </button>
            <button
              type="button"
              className="button"
              disabled={state.status === 'saving'}
              data-testid="weights-reset"
              onClick={() => run((signal) => api.putWeights({}, signal), data, true)}
            >
              {t('weights.reset')}
            </button>
            {state.status === 'ready' && state.saved && (
              <span role="status" className="weights-form__saved" data-testid="weights-saved">
                {t('weights.saved')}
              </span>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
