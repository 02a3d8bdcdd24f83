import type { TFunction } from 'i18next';
import type { Recommendation } from '../api';
import type { Format } from '../i18n';

/**
 * The reasoning (shown next to the action's badge) of a train / borrow / hire recommendation, in the UI's language, from its figures (the
 * API renders its own `reason` in the asked language too, but without the UI locale's number and money formats).
 */
export function recommendationReason(rec: Recommendation, t: TFunction, format: Format): string {
  const chosen = rec.options.find((o) => o.action === rec.action);
  const action = (a: string) => t(`gaps.action.${a}`);
  const main =
    chosen && chosen.weeks !== null
      ? t('gaps.reason.main', {
          weeks: format.number(chosen.weeks, 1),
          duration: format.number(rec.durationWeeks, 1),
          covers: format.percent(chosen.covers),
          shortage: format.number(rec.shortage, 1),
          rate: chosen.costPerPersonDay === null ? '—' : format.money(chosen.costPerPersonDay),
        })
      : t('gaps.reason.short');
  const others = rec.options
    .filter((o) => o.action !== rec.action)
    .map((o) =>
      o.available && o.weeks !== null
        ? t('gaps.reason.option', {
            action: action(o.action),
            weeks: format.number(o.weeks, 1),
            covers: format.percent(o.covers),
            rate: o.costPerPersonDay === null ? '—' : format.money(o.costPerPersonDay),
          })
        : t('gaps.reason.unavailable', { action: action(o.action) }),
    );
  return others.length > 0
    ? `${main} ${t('gaps.reason.against', { options: others.join(t('gaps.reason.separator')) })}`
    : main;
}
