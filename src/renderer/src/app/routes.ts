import type { SourceTab } from '../features/sources/source-page.slice';
import type { View } from './app.slice';

/** Where the user is, as the URL's hash says it: `#/sources/<id>/logs`, `#/log`, `#/integrations`… */
export type Route =
  | { view: 'sources'; sourceId?: string; tab?: SourceTab; creating?: boolean }
  | { view: Exclude<View, 'sources'> };

const SEGMENT: Record<View, string> = { sources: 'sources', gallery: 'integrations', log: 'log', workspace: 'workspace', settings: 'settings' };
const TABS: ReadonlyArray<SourceTab> = ['mappings', 'fields', 'logs', 'forwarding', 'settings'];

export function formatRoute(route: Route): string {
  if (route.view !== 'sources') return `#/${SEGMENT[route.view]}`;
  if (route.creating) return '#/sources/new';
  if (!route.sourceId) return '#/sources';
  return `#/sources/${encodeURIComponent(route.sourceId)}/${route.tab ?? 'mappings'}`;
}

/** The route a hash names; null for anything else (e.g. the headless host's `#token=…`). */
export function parseRoute(hash: string): Route | null {
  const [first, second, third, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (rest.length > 0) return null;
  const view = (Object.keys(SEGMENT) as View[]).find((v) => SEGMENT[v] === first);
  if (view === undefined) return null;
  if (view !== 'sources') return second === undefined ? { view } : null;
  if (second === undefined || second === '') return { view };
  if (second === 'new') return third === undefined ? { view, creating: true } : null;
  const tab = TABS.find((t) => t === (third ?? 'mappings'));
  if (tab === undefined) return null;
  try {
    return { view, sourceId: decodeURIComponent(second), tab };
  } catch {
    return null;
  }
}

/** A change that only fills in detail (the first source chosen for the user) replaces the entry instead of adding one. */
export function refinesRoute(from: Route | null, to: Route): boolean {
  return from !== null && from.view === 'sources' && to.view === 'sources' && !from.sourceId && !from.creating && !!to.sourceId;
}
