import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, refinesRoute, type Route } from './routes';

describe('routes', () => {
  const routes: Array<[Route, string]> = [
    [{ view: 'sources' }, '#/sources'],
    [{ view: 'sources', creating: true }, '#/sources/new'],
    [{ view: 'sources', sourceId: 'src_01H', tab: 'logs' }, '#/sources/src_01H/logs'],
    [{ view: 'gallery' }, '#/integrations'],
    [{ view: 'log' }, '#/log'],
    [{ view: 'workspace' }, '#/workspace'],
    [{ view: 'settings' }, '#/settings'],
  ];

  it.each(routes)('writes %j as %s and reads it back', (route, hash) => {
    expect(formatRoute(route)).toBe(hash);
    expect(parseRoute(hash)).toEqual(route);
  });

  it('opens a source on its Mappings tab when the link names no tab', () => {
    expect(parseRoute('#/sources/src_1')).toEqual({ view: 'sources', sourceId: 'src_1', tab: 'mappings' });
  });

  it.each(['', '#token=abc', '#/nowhere', '#/sources/src_1/nope', '#/log/extra/bits/more', '#/sources/%E0%A4%A/logs'])('ignores %s', (hash) => {
    expect(parseRoute(hash)).toBeNull();
  });

  it('treats the first source chosen for the user as a refinement, not a new history entry', () => {
    expect(refinesRoute({ view: 'sources' }, { view: 'sources', sourceId: 'a', tab: 'mappings' })).toBe(true);
    expect(refinesRoute({ view: 'log' }, { view: 'sources', sourceId: 'a', tab: 'mappings' })).toBe(false);
    expect(refinesRoute({ view: 'sources', sourceId: 'a', tab: 'mappings' }, { view: 'sources', sourceId: 'b', tab: 'mappings' })).toBe(false);
  });
});
