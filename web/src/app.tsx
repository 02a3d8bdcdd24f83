import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, setLang, useLang } from './i18n';
import { ProjectList } from './projects/project-list';
import { ProjectPage } from './projects/project-page';
import { dashboardHref, homeHref, useRoute, type Route } from './route';
import { Loading } from './status';

// The dashboard carries the charting library: loaded when first opened, not with the project pages.
const DashboardPage = lazy(() => import('./gaps/dashboard-page'));

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

function MainNav({ route }: { route: Route }) {
  const { t } = useTranslation();
  const current = route.page === 'dashboard' ? 'dashboard' : 'projects';
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <a
        className="main-nav__link"
        href={homeHref}
        aria-current={current === 'projects' ? 'page' : undefined}
        data-testid="nav-projects"
      >
        {t('nav.projects')}
      </a>
      <a
        className="main-nav__link"
        href={dashboardHref}
        aria-current={current === 'dashboard' ? 'page' : undefined}
        data-testid="nav-dashboard"
      >
        {t('nav.dashboard')}
      </a>
    </nav>
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
          <MainNav route={route} />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {route.page === 'project' ? (
          // Keyed by id: switching project starts from a clean state (no stale data from the previous one).
          <ProjectPage key={route.id} id={route.id} />
        ) : route.page === 'dashboard' ? (
          <Suspense fallback={<Loading />}>
            <DashboardPage />
          </Suspense>
        ) : (
          <ProjectList />
        )}
      </main>
    </>
  );
}
