import { useState } from 'react';
import { MatchesPanel } from '../matching/matches-panel';
import { ReadinessCard, type AssessedTeam } from '../readiness/readiness-card';
import { TeamPanel } from '../team/team-panel';
import { ProjectDetail } from './project-detail';

/** A project: its brief and requirements, its readiness, a proposed team and the ranked talents. */
export function ProjectPage({ id }: { id: string }) {
  const [team, setTeam] = useState<AssessedTeam | null>(null);
  return (
    <div className="project-page">
      <ProjectDetail id={id} />
      <div className="project-page__grid">
        <ReadinessCard projectId={id} team={team} onClearTeam={() => setTeam(null)} />
        <TeamPanel
          projectId={id}
          onAssess={(t) => {
            setTeam(t);
            document
              .getElementById('readiness-title')
              ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        />
      </div>
      <MatchesPanel projectId={id} />
    </div>
  );
}
