import type { Period } from '../api';

/** What a clicked number stands for; the dialog loads the records behind it. */
export type DrillRequest =
  | {
      kind: 'gap';
      skillId: string;
      label: string;
      /** demand: the projects asking for the skill; employee / freelance / all: the talents holding it. */
      side: 'demand' | 'employee' | 'freelance' | 'all';
    }
  | { kind: 'trend'; measure: string; label: string; period: Period; key: string }
  | { kind: 'skills'; title: string; skills: readonly { id: string; label: string }[] };

export type OpenDrill = (request: DrillRequest) => void;
