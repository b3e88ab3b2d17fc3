import { useEffect, useState } from 'react';

/** The console's screens, addressed by the URL hash so that the gateway only ever serves index.html. */
export type Route =
  | { screen: 'work' }
  | { screen: 'queues' }
  | { screen: 'search'; text?: string }
  | { screen: 'case'; id: string }
  | { screen: 'call'; id: string }
  | { screen: 'wallboard' };

export function parseRoute(hash: string): Route {
  const [screen, argument] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'queues':
      return { screen: 'queues' };
    case 'search':
      return { screen: 'search', text: argument ? decodeURIComponent(argument) : undefined };
    case 'cases':
      return argument ? { screen: 'case', id: argument } : { screen: 'work' };
    case 'calls':
      return argument ? { screen: 'call', id: argument } : { screen: 'work' };
    case 'wallboard':
      return { screen: 'wallboard' };
    default:
      return { screen: 'work' };
  }
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'case':
      return `#/cases/${route.id}`;
    case 'call':
      return `#/calls/${route.id}`;
    case 'search':
      return route.text ? `#/search/${encodeURIComponent(route.text)}` : '#/search';
    default:
      return `#/${route.screen}`;
  }
}

export const navigate = (route: Route) => window.location.assign(href(route));

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
