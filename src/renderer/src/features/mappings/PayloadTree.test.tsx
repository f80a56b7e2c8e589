import { renderToStaticMarkup } from 'react-dom/server';
import type { EventDetail } from '../../../../shared/domain/event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { StoreContext } from '../../app/store-context';
import { fakeApi } from '../../test/fake-api';
import { detail } from '../../test/fixtures';
import { PayloadTree } from './PayloadTree';
import { ROW_BUDGET } from './payload-tree';
import { sampleFromEvent } from './sample-context';

/** Every element the tree draws, counted in its markup. */
const elements = (html: string): number => html.match(/<[a-z]/g)?.length ?? 0;

function render(event: EventDetail): string {
  const sample = sampleFromEvent(event);
  return renderToStaticMarkup(
    <StoreContext.Provider value={createAppStore(fakeApi({}).api)}>
      <PayloadTree ctx={sample.ctx} raw={sample.raw} />
    </StoreContext.Provider>,
  );
}

describe('the sample tree', () => {
  it('draws a 5 MB JSON body as at most a thousand rows and a few thousand elements, with "Show more" lines', () => {
    const body = {
      type: 'export.ready',
      data: Array.from({ length: 45_000 }, (_, i) => ({ id: `obj_${i}`, amount: i * 100, customer: { id: `cus_${i}`, email: `user${i}@example.com` }, tags: ['a', 'b'] })),
    };
    const text = JSON.stringify(body);
    expect(text.length).toBeGreaterThan(5_000_000);
    // Parsed from its text, as the host hands it over.
    const html = render(detail({ bodyText: text, parsedBody: JSON.parse(text) as unknown }));
    const rows = html.match(/data-testid="tree-node"/g)?.length ?? 0;
    expect(rows).toBeGreaterThan(100);
    expect(rows).toBeLessThanOrEqual(ROW_BUDGET);
    expect(elements(html)).toBeLessThan(5_000);
    expect(html).toContain('Show 100 more');
    expect(html).toContain('44,900 not shown');
  });

  it('shows a body too deep to parse as sent, with the reason, instead of an empty tree', () => {
    const deep = `${'['.repeat(600)}1${']'.repeat(600)}`;
    const html = render(detail({ bodyText: deep, parsedBody: null, parseError: 'nested deeper than 512 levels' }));
    expect(html).toContain('data-testid="sample-raw"');
    expect(html).toContain('The body is shown as sent, not as a tree: nested deeper than 512 levels.');
    expect(html).toContain('[[[[');
  });
});
