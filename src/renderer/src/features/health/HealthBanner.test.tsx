import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DatabaseHealth } from '../../../../shared/api/contract-health';
import { createAppStore } from '../../app/store';
import { StoreContext } from '../../app/store-context';
import { fakeApi } from '../../test/fake-api';
import { HealthBanner } from './HealthBanner';

function render(database: DatabaseHealth): string {
  const store = createAppStore(fakeApi({}).api);
  store.getState().receiveHealth(database);
  // Server rendering reads the store's initial state: hand it the current one.
  return renderToStaticMarkup(
    <StoreContext.Provider value={{ ...store, getInitialState: store.getState }}>
      <HealthBanner />
    </StoreContext.Provider>,
  );
}

describe('the damaged-database banner', () => {
  it('says what is wrong and offers the ways out as text to copy', () => {
    const html = render({
      state: 'damaged',
      file: '/data/inlet.db',
      summary: 'The database /data/inlet.db is damaged: Inlet keeps running.',
      problems: ['Page 7: btreeInitPage() returns error code 11'],
      waysOut: 'Your options:\n  --export-readable <file>\n  --start-fresh',
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('The database /data/inlet.db is damaged: Inlet keeps running.');
    expect(html).toContain('inlet serve --data-dir &quot;/data&quot; --start-fresh');
    expect(html).toContain('Your options:\n  --export-readable &lt;file&gt;');
    expect(html).toContain('Page 7: btreeInitPage()');
    expect(html).toMatch(/<pre[^>]*tabindex="0"/);
  });

  it('draws nothing for a sound database, or one still being checked', () => {
    expect(render({ state: 'sound' })).toBe('');
    expect(render({ state: 'checking' })).toBe('');
  });

  it('notes, without alarm, a database that could not be checked, and why', () => {
    const html = render({ state: 'unchecked', file: '/data/inlet.db', summary: 'The database /data/inlet.db could not be checked for damage: out of memory' });
    expect(html).toContain('role="status"');
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('could not be checked for damage: out of memory');
    expect(html).toContain('the check runs again at the next start');
    expect(html).toContain('data-testid="dismiss-database-unchecked"');
  });
});
