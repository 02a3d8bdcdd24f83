import type { MatchOut } from '../api';
import { PART_NAMES } from './parts';

/** A stacked bar of the score's parts, out of 100; decorative (the numbers are in the table). */
export function PartsBar({ parts }: { parts: MatchOut['parts'] }) {
  return (
    <span className="parts-bar" aria-hidden="true">
      {PART_NAMES.map((name) => (
        <span
          key={name}
          className={`parts-bar__part part--${name}`}
          style={{ width: `${Math.max(0, Math.min(1, parts[name])) * 100}%` }}
        />
      ))}
    </span>
  );
}
