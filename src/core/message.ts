/**
 * A message is a key and parameters, so that core code stays free of any language and the contract renders
 * it in French or English. Each area keeps its own catalogue (readiness, sourcing…); this file holds what
 * they share: the type and the `{name}` template filling.
 */
import type { Lang } from './taxonomy/types.js';

export interface Message {
  key: string;
  /** A string[] parameter is a list of skill ids (rendered as labels when a labeller is given). */
  params: Record<string, string | number | string[]>;
}

/** Templates by key, per language. */
export type Catalog = Record<string, string>;

export interface RenderOptions {
  /** Skill id → label, for string[] parameters. */
  label?: (skillId: string) => string;
  /** A string parameter's translation, or undefined to print it as it is. */
  word?: (name: string, value: string) => string | undefined;
  /** A number parameter's rendering (e.g. with a locale's separators). */
  number?: (name: string, value: number) => string;
}

/**
 * Fills `{name}` in the template of `m.key` (in `lang`, else English, else the key itself). A parameter
 * the message does not carry stays as `{name}`, so a mistake shows instead of vanishing.
 */
export function renderWith(
  catalogs: Record<Lang, Catalog>,
  m: Message,
  lang: Lang,
  options: RenderOptions = {},
): string {
  const template = catalogs[lang][m.key] ?? catalogs.en[m.key] ?? m.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = m.params[name];
    if (v === undefined) return whole;
    if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(options.label ?? ((id) => id)).join(', ');
    if (typeof v === 'number') return options.number ? options.number(name, v) : String(v);
    return options.word?.(name, v) ?? v;
  });
}
