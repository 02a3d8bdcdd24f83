/** Colours of the charts: one per skill domain (stable across charts), distinguishable on white. */
const DOMAIN_COLORS: Record<string, string> = {
  ai: '#1d4ed8',
  data: '#0e9384',
  cloud: '#0284c7',
  security: '#c2410c',
  governance: '#7c3aed',
  lowcode: '#db2777',
  engineering: '#475569',
  business: '#a16207',
};
const FALLBACK = ['#15803d', '#9333ea', '#b91c1c', '#0f766e'];

export function domainColor(domain: string, index = 0): string {
  return DOMAIN_COLORS[domain] ?? FALLBACK[index % FALLBACK.length]!;
}

export const SERIES = {
  covered: '#0e9384',
  shortage: '#c2410c',
  previous: '#94a3b8',
  current: '#1d4ed8',
  growth: '#1d4ed8',
  decline: '#b42318',
} as const;

/** Axis and grid styling shared by every chart. */
export const AXIS_TICK = { fontSize: 12, fill: '#5a6472' } as const;
export const GRID_STROKE = '#e5e7eb';

/** Charts skip their entry animation for users who asked for less motion. */
export function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** Round ticks spanning [min, max] and zero (bars grow from zero), about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi - lo === 0) return [0];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= Math.ceil(hi / step) * step + step / 2; v += step) {
    ticks.push(Math.round(v * 1e6) / 1e6);
  }
  return ticks;
}
