/** Time and identifiers come in through this port so services and tests control them. */
export interface Clock {
  /** ISO-8601 timestamp. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
