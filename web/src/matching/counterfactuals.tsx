import { useTranslation } from 'react-i18next';
import type { CounterfactualOut } from '../api';
import { useFormat } from '../i18n';

/**
 * "Level 3 in Kubernetes: +12.0 pts". Gains are in points out of 100 like every score on the page (the
 * API's +0.12 is the same gain on the 0–1 scale).
 */
export function useCounterfactualText(): (c: CounterfactualOut) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (c) => {
    const change =
      c.kind === 'full-availability'
        ? t('counterfactual.full-availability')
        : t(`counterfactual.${c.kind}`, { skill: c.label, level: c.level });
    // Always signed, and two decimals for a gain under 0.05 points so it never reads as "+0.0".
    const points = c.gain * 100;
    return t('counterfactual.line', { change, gain: `+${format.fixed(points, points < 0.05 ? 2 : 1)}` });
  };
}

/** The single changes that would raise this talent's score most, best first. */
export function Counterfactuals({ items }: { items: readonly CounterfactualOut[] }) {
  const { t } = useTranslation();
  const text = useCounterfactualText();
  return (
    <div className="counterfactuals" data-testid="counterfactuals">
      <h3 className="explanation__title">{t('counterfactual.title')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('counterfactual.none')}</p>
      ) : (
        <>
          <p className="muted">{t('counterfactual.intro')}</p>
          <ul className="counterfactuals__list">
            {items.map((c) => (
              <li
                key={`${c.kind}-${c.kind === 'full-availability' ? '' : c.skillId}`}
                data-testid="counterfactual"
                data-kind={c.kind}
              >
                {text(c)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
