import { formatRoute, parseRoute, refinesRoute, type Route } from './routes';
import type { AppState, AppStore } from './store';

export const routeOf = (s: AppState): Route =>
  s.view !== 'sources'
    ? { view: s.view }
    : s.sourceCreating
      ? { view: 'sources', creating: true }
      : s.selectedSourceId
        ? { view: 'sources', sourceId: s.selectedSourceId, tab: s.sourceTab }
        : { view: 'sources' };

/** Puts the store where a route says; a source the link names but that is gone leaves the choice to the list. */
export function applyRoute(store: AppStore, route: Route): void {
  if (route.view !== 'sources') {
    store.setState({ view: route.view, sourceCreating: false });
    return;
  }
  const known = store.getState().sources;
  const sourceId = route.sourceId && (known.length === 0 || known.some((s) => s.id === route.sourceId)) ? route.sourceId : undefined;
  store.setState({
    view: 'sources',
    sourceCreating: route.creating === true,
    ...(sourceId ? { selectedSourceId: sourceId, sourceTab: route.tab ?? 'mappings' } : {}),
  });
}

interface HistoryWindow {
  location: { hash: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/**
 * Keeps the URL's hash and the store in step: a navigation in the app adds a history entry, and
 * reload, back/forward and pasted links put the app where the hash says. Returns the unsubscribe.
 */
export function syncRoute(store: AppStore, win: HistoryWindow): () => void {
  const initial = parseRoute(win.location.hash);
  if (initial) applyRoute(store, initial);
  let shown = routeOf(store.getState());
  win.history.replaceState(null, '', formatRoute(shown));

  const off = store.subscribe((state) => {
    const next = routeOf(state);
    const hash = formatRoute(next);
    if (hash === formatRoute(shown)) return;
    if (refinesRoute(shown, next) || hash === win.location.hash) win.history.replaceState(null, '', hash);
    else win.history.pushState(null, '', hash);
    shown = next;
  });
  const onPop = () => {
    const route = parseRoute(win.location.hash);
    if (!route) return;
    shown = route;
    applyRoute(store, route);
  };
  win.addEventListener('popstate', onPop);
  return () => {
    off();
    win.removeEventListener('popstate', onPop);
  };
}
