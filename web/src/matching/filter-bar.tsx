import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FILTERS, SOURCE_FILTERS, type Industry, type MatchFilterValues, type SourceFilter } from '../api';
import { useFormat } from '../i18n';

const SOURCE_LABEL_KEYS = {
  all: 'matches.sourceAll',
  employee: 'matches.sourceEmployee',
  freelance: 'matches.sourceFreelance',
} as const satisfies Record<SourceFilter, string>;

/** The industries of the model (model.ts INDUSTRIES), listed here so the bundle does not import the core. */
const INDUSTRY_CODES = [
  'banking',
  'insurance',
  'retail',
  'manufacturing',
  'energy',
  'healthcare',
  'public-sector',
  'telecom',
  'transport',
  'media',
] as const satisfies readonly Industry[];

/** Languages offered as checkboxes: those of the pool most of the time (ISO 639-1). */
const LANGUAGE_CODES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'pl'] as const;

/** Typed fields (rate, place, days) wait for a pause in typing before asking the API again. */
const TYPING_DELAY_MS = 400;

const isSet = (f: MatchFilterValues) => JSON.stringify(f) !== JSON.stringify(NO_FILTERS);

/**
 * Filters of the ranking: source, availability window with a minimum capacity, maximum rate, languages,
 * place (or remote), industries. Each change re-queries; filters exclude talents, never change a score.
 */
export function FilterBar({
  value,
  onChange,
}: {
  value: MatchFilterValues;
  onChange: (next: MatchFilterValues) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = (patch: Partial<MatchFilterValues>, typed = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    clearTimeout(timer.current);
    if (typed) timer.current = setTimeout(() => onChange(next), TYPING_DELAY_MS);
    else onChange(next);
  };
  const toggle = (list: readonly string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([format.locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const halfWindow = (draft.availableFrom === '') !== (draft.availableTo === '');
  const windowSet = draft.availableFrom !== '' && draft.availableTo !== '';

  return (
    <form
      className="filter-bar"
      role="search"
      aria-label={t('filters.label')}
      data-testid="filter-bar"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        onChange(draft);
      }}
    >
      <div className="filter-bar__field">
        <label htmlFor={`${id}-source`}>{t('matches.sourceFilter')}</label>
        <select
          id={`${id}-source`}
          value={draft.source}
          data-testid="source-filter"
          onChange={(e) => update({ source: e.target.value as SourceFilter })}
        >
          {SOURCE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(SOURCE_LABEL_KEYS[s])}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="filter-bar__group">
        <legend>{t('filters.available')}</legend>
        <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.availableFrom}
          max={draft.availableTo || undefined}
          data-testid="filter-available-from"
          onChange={(e) => update({ availableFrom: e.target.value })}
        />
        <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={draft.availableTo}
          min={draft.availableFrom || undefined}
          data-testid="filter-available-to"
          onChange={(e) => update({ availableTo: e.target.value })}
        />
        <label htmlFor={`${id}-min-days`}>{t('filters.minDays')}</label>
        <input
          id={`${id}-min-days`}
          type="number"
          className="input--narrow"
          min={0}
          max={5}
          step={0.5}
          inputMode="decimal"
          placeholder="1"
          disabled={!windowSet}
          value={draft.minDays}
          data-testid="filter-min-days"
          onChange={(e) => update({ minDays: e.target.value }, true)}
        />
        {halfWindow && (
          <span className="filter-bar__hint" role="status">
            {t('filters.windowHint')}
          </span>
        )}
      </fieldset>

      <div className="filter-bar__field">
        <label htmlFor={`${id}-rate`}>{t('filters.maxRate')}</label>
        <input
          id={`${id}-rate`}
          type="number"
          className="input--narrow"
          min={0}
          step={50}
          inputMode="numeric"
          value={draft.maxRate}
          data-testid="filter-max-rate"
          onChange={(e) => update({ maxRate: e.target.value }, true)}
        />
      </div>

      <fieldset className="filter-bar__group">
        <legend>{t('filters.location')}</legend>
        <label htmlFor={`${id}-place`} className="visually-hidden">
          {t('filters.place')}
        </label>
        <input
          id={`${id}-place`}
          type="text"
          placeholder={t('filters.placePlaceholder')}
          value={draft.location}
          maxLength={100}
          data-testid="filter-location"
          onChange={(e) => update({ location: e.target.value }, true)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.remoteOk}
            disabled={draft.location.trim() === ''}
            data-testid="filter-remote-ok"
            onChange={(e) => update({ remoteOk: e.target.checked })}
          />
          {t('filters.remoteOk')}
        </label>
      </fieldset>

      <details className="filter-bar__menu">
        <summary data-testid="filter-languages-toggle">
          {t('filters.languages')}
          {draft.languages.length > 0 && <span className="count-badge">{draft.languages.length}</span>}
        </summary>
        <fieldset className="filter-bar__options">
          <legend className="visually-hidden">{t('filters.languagesLegend')}</legend>
          {LANGUAGE_CODES.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                checked={draft.languages.includes(code)}
                data-testid={`filter-language-${code}`}
                onChange={() => update({ languages: toggle(draft.languages, code) })}
              />
              {languageName(code)}
            </label>
          ))}
        </fieldset>
      </details>

      <details className="filter-bar__menu">
        <summary data-testid="filter-industries-toggle">
          {t('filters.industries')}
          {draft.industries.length > 0 && <span className="count-badge">{draft.industries.length}</span>}
        </summary>
        <fieldset className="filter-bar__options">
          <legend className="visually-hidden">{t('filters.industriesLegend')}</legend>
          {INDUSTRY_CODES.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                checked={draft.industries.includes(code)}
                data-testid={`filter-industry-${code}`}
                onChange={() => update({ industries: toggle(draft.industries, code) })}
              />
              {t(`industry.${code}`)}
            </label>
          ))}
        </fieldset>
      </details>

      {isSet(draft) && (
        <button
          type="button"
          className="button button--small"
          data-testid="filter-clear"
          onClick={() => update(NO_FILTERS)}
        >
          {t('filters.clear')}
        </button>
      )}
    </form>
  );
}
