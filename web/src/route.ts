import { useEffect, useState } from 'react';

/** Hash routes, so a project is linkable and the server needs no fallback: `#/` and `#/projects/<id>`. */
export type Route = { page: 'projects' } | { page: 'project'; id: string };

export function parseHash(hash: string): Route {
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
