import type { Bundle } from '../../../shared/domain/bundle';
import type { BundleAction, BundlePreview, BundlePreviewItem } from '../../../shared/domain/bundle-preview';
import type { CoreContext } from '../context';
import { createDestinationsRepo } from '../deliveries/destinations-repo';
import { fixturesRepo } from '../fixtures/fixtures-repo';
import { workspaceItems } from './workspace-snapshot';

export const refs = {
  environment: (key: string) => `environment:${key}`,
  source: (key: string) => `source:${key}`,
  workflow: (env: string, key: string) => `workflow:${env}/${key}`,
  fixture: (source: string, name: string) => `fixture:${source}/${name}`,
  destination: (index: number) => `destination:${index}`,
  events: (source: string) => `events:${source}`,
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What importing the bundle would do here, item by item, before anything is written: new items
 * are created; an item whose key is taken offers rename, replace or skip (the default: `onConflict`).
 * Mappings, destinations and events follow their source; fixtures and workflows are chosen one by one.
 */
export function planBundle(ctx: CoreContext, bundle: Bundle, onConflict: 'skip' | 'rename' | 'replace' = 'skip'): BundlePreview {
  const items: BundlePreviewItem[] = [];
  const add = (item: Omit<BundlePreviewItem, 'action'> & { action?: BundleAction }) =>
    items.push({ ...item, action: item.action ?? (item.exists ? (item.actions.includes(onConflict) ? onConflict : 'skip') : 'create') });

  for (const env of bundle.environments) {
    const exists = ctx.environments.get(env.key) !== undefined;
    add({ ref: refs.environment(env.key), kind: 'environment', label: env.name, exists, actions: exists ? ['skip'] : ['create', 'skip'], note: exists ? 'already here; used as it is' : null });
  }
  for (const src of bundle.sources) {
    const existing = ctx.sources.getByKey(src.key);
    const counts = [
      plural(src.mappings.length, 'mapping'),
      plural(bundle.fixtures.filter((f) => f.source === src.key).length, 'fixture'),
      plural(bundle.destinations.filter((d) => d.source === src.key).length, 'destination'),
    ].join(', ');
    add({
      ref: refs.source(src.key), kind: 'source', label: `${src.name} (${src.key})`, exists: existing !== undefined,
      actions: existing ? ['rename', 'replace', 'skip'] : ['create', 'skip'],
      note: existing ? `a source "${src.key}" exists: rename imports it as a new source, replace keeps its URLs and log and takes these settings and ${counts}` : counts,
    });
    const events = bundle.events.filter((e) => e.source === src.key).length;
    if (events > 0) add({ ref: refs.events(src.key), kind: 'events', label: `${plural(events, 'event')} of ${src.key}`, exists: false, actions: ['create', 'skip'], note: 'added to the log as imported captures; replay them to run the mappings' });
  }
  for (const w of bundle.workflows) {
    const exists = ctx.workspaceQuery.workflows(w.environment).some((x) => x.key === w.key);
    add({ ref: refs.workflow(w.environment, w.key), kind: 'workflow', label: `${w.key} (${w.environment})`, exists, actions: exists ? ['replace', 'skip'] : ['create', 'skip'], note: null });
  }
  for (const f of bundle.fixtures) {
    const source = ctx.sources.getByKey(f.source);
    const exists = source !== undefined && fixturesRepo(ctx.db).byName(source.id, f.name) !== undefined;
    add({ ref: refs.fixture(f.source, f.name), kind: 'fixture', label: `${f.name} (${f.source})`, exists, actions: exists ? ['rename', 'replace', 'skip'] : ['create', 'skip'], note: exists ? 'applies when the source is replaced' : null });
  }
  const destinations = createDestinationsRepo(ctx.db).list();
  bundle.destinations.forEach((d, i) => {
    const source = ctx.sources.getByKey(d.source);
    const exists = source !== undefined && destinations.some((x) => x.sourceId === source.id && x.environment === d.environment && x.url === d.url);
    add({ ref: refs.destination(i), kind: 'destination', label: `${d.name} → ${d.url} (${d.source}, ${d.environment})`, exists, actions: exists ? ['replace', 'skip'] : ['create', 'skip'], note: exists ? 'applies when the source is replaced' : null });
  });

  for (const item of workspaceItems(ctx, bundle)) add(item);

  const scripts = bundle.sources.flatMap((s) => s.settings.filter((x) => x.preprocess).map((x) => ({ source: s.key, environment: x.environment })));
  const plainSecrets = bundle.sources.some((s) => s.settings.some((x) => (x.secrets?.length ?? 0) > 0));
  return {
    exportedAt: bundle.exportedAt,
    inletVersion: bundle.inletVersion,
    redacted: bundle.redacted,
    secrets: bundle.sealed ? 'sealed' : plainSecrets ? 'plain' : 'none',
    scripts,
    items,
  };
}

/** The action chosen for an item: the caller's choice when the item allows it, else the plan's. */
export function chosen(preview: BundlePreview, choices: Readonly<Record<string, BundleAction>>, ref: string): BundleAction {
  const item = preview.items.find((i) => i.ref === ref);
  if (!item) return 'create';
  const choice = choices[ref];
  return choice && item.actions.includes(choice) ? choice : item.action;
}
