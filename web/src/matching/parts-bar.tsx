import { useTranslation } from 'react-i18next';
import type { ScorePartsOut } from '../api';
import { useFormat } from '../i18n';
import { PART_NAMES } from './parts';

/**
 * The score as a stacked bar of its eight parts, out of 100 points. The bar itself is decorative; the
 * numbers are in a visually hidden list beside it (and in the explanation), so screen readers get them.
 */
export function PartsBar({ parts, label }: { parts: ScorePartsOut; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className="parts">
      <span className="parts-bar" aria-hidden="true" data-testid="parts-bar">
        {PART_NAMES.map((name) => (
          <span
            key={name}
            className={`parts-bar__part part--${name}`}
            style={{ width: `${Math.max(0, Math.min(1, parts[name])) * 100}%` }}
            title={`${t(`part.${name}`)}: ${format.points(parts[name])}`}
          />
        ))}
      </span>
      <span className="visually-hidden">
        {label}:{' '}
        {PART_NAMES.map((name, i) => (
          <span key={name}>
            {i > 0 && ', '}
            {t(`part.${name}`)} <span data-testid={`match-part-${name}`}>{format.points(parts[name])}</span>
          </span>
        ))}
      </span>
    </span>
  );
}

/** The legend of the bars: each part's colour and the most points it can give (its weight). */
export function PartsLegend({ weights }: { weights: ScorePartsOut }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="parts-legend" aria-label={t('matches.legend')} data-testid="parts-legend">
      {PART_NAMES.map((name) => (
        <li key={name} title={t(`partHelp.${name}`)} data-testid={`legend-${name}`}>
          <span className={`part-key part--${name}`} aria-hidden="true" />
          {t(`part.${name}`)}{' '}
          <span className="muted">
            {t('matches.upTo', { points: format.number(weights[name] * 100, 1) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
