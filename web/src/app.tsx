import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, setLang, useLang } from './i18n';
import { MatchesPanel } from './matching/matches-panel';
import { ProjectDetail } from './projects/project-detail';
import { ProjectList } from './projects/project-list';
import { homeHref, useRoute } from './route';

function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__button"
          aria-pressed={lang === current}
          lang={lang}
          title={t(`lang.${lang}`)}
          data-testid={`lang-${lang}`}
          onClick={() => setLang(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();

  useEffect(() => {
    if (route.page === 'projects') document.title = t('app.documentTitle', { page: t('projects.title') });
  }, [route, t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href={homeHref}>
            <span className="brand__mark" aria-hidden="true">
              V
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {route.page === 'project' ? (
          // Keyed by id: switching project starts from a clean state (no stale data from the previous one).
          <div key={route.id} className="project-page">
            <ProjectDetail id={route.id} />
            <MatchesPanel projectId={route.id} />
          </div>
        ) : (
          <ProjectList />
        )}
      </main>
    </>
  );
}
