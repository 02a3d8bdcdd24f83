import { useEffect, useState } from 'react';

/**
 * Hash routes, so a page is linkable and the server needs no fallback: `#/` (the projects),
 * `#/projects/<id>` and `#/dashboard`.
 */
export type Route = { page: 'projects' } | { page: 'project'; id: string } | { page: 'dashboard' };

export function parseHash(hash: string): Route {
  if (/^#\/dashboard\/?$/.test(hash)) return { page: 'dashboard' };
  const m = /^#\/projects\/([^/?#]+)\/?$/.exec(hash);
  if (m?.[1]) {
    try {
      return { page: 'project', id: decodeURIComponent(m[1]) };
    } catch {
      return { page: 'projects' }; // malformed escape: back to the list
    }
  }
  return { page: 'projects' };
}

export const projectHref = (id: string) => `#/projects/${encodeURIComponent(id)}`;
export const homeHref = '#/';
export const dashboardHref = '#/dashboard';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseHash(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
