import type { Bundle, OpenedSecrets } from '../../../shared/domain/bundle';
import type { BundleAction, BundleImportReport } from '../../../shared/domain/bundle-preview';
import type { CoreContext } from '../context';
import { createDestinationsRepo } from '../deliveries/destinations-repo';
import { addEnvironment } from '../environments/add-environment';
import { fixturesRepo } from '../fixtures/fixtures-repo';
import { applySource, checkImportFile, freeKey } from './apply-source';
import type { IngestQueue } from '../receiver/ingest-queue';
import { newId } from '../util/ids';
import { importBundleEvents } from './import-events';
import { openSecrets } from './passphrase';
import { chosen, planBundle, refs } from './plan';
import { applyWorkspace } from './workspace-snapshot';

export interface BundleImportOptions {
  passphrase?: string | undefined;
  /** Per item (`ref` from the preview): what to do; items not named take the preview's default. */
  choices?: Readonly<Record<string, BundleAction>> | undefined;
  /** The default for an item whose key is taken. */
  onConflict?: 'skip' | 'rename' | 'replace' | undefined;
}

const emptyReport = (): BundleImportReport => ({
  created: [], replaced: [], skipped: [], awaitingApproval: [], warnings: [],
  counts: { mappings: 0, workflows: 0, fixtures: 0, destinations: 0, events: 0 }, eventIds: [],
});

/** A fixture name free on the source: `Paid invoice`, then `Paid invoice (2)`… */
function freeName(ctx: CoreContext, sourceId: string, name: string): string {
  const repo = fixturesRepo(ctx.db);
  if (!repo.byName(sourceId, name)) return name;
  for (let n = 2; ; n++) if (!repo.byName(sourceId, `${name} (${n})`)) return `${name} (${n})`;
}

/**
 * The configuration part of a bundle, as previewed and with the user's choices, in one
 * transaction (nothing half-imported). A wrong passphrase is refused before anything is written;
 * without one, sealed secrets are left out and said so. Returns the report and where each
 * imported source went (its key in the file → its id here).
 */
export function applyConfiguration(ctx: CoreContext, bundle: Bundle, options: BundleImportOptions = {}) {
  checkImportFile(bundle);
  let opened: OpenedSecrets | null = null;
  const report = emptyReport();
  if (bundle.sealed && options.passphrase) opened = openSecrets(bundle.sealed, options.passphrase);
  else if (bundle.sealed) report.warnings.push('The bundle\'s secrets are sealed with a passphrase and none was given: they were left out.');
  const plan = planBundle(ctx, bundle, options.onConflict ?? 'skip');
  const choice = (ref: string) => chosen(plan, options.choices ?? {}, ref);
  const sourceIds = new Map<string, string>();
  const replacedSources = new Set<string>();

  ctx.db.transaction(() => {
    for (const env of bundle.environments) if (!ctx.environments.get(env.key) && choice(refs.environment(env.key)) === 'create') addEnvironment(ctx, env.key, env.name);
    const envKeys = new Set(ctx.environments.list().map((e) => e.key));

    for (const src of bundle.sources) {
      const action = choice(refs.source(src.key));
      const existing = ctx.sources.getByKey(src.key);
      if (action === 'skip') {
        report.skipped.push({ key: src.key, reason: existing ? `a source with key "${src.key}" already exists` : 'not chosen' });
        continue;
      }
      const how = action === 'replace' && existing ? { replacing: existing } : { key: freeKey(ctx, src.key) };
      sourceIds.set(src.key, applySource(ctx, src, opened?.sources[src.key], how, report));
      if ('replacing' in how) replacedSources.add(src.key);
    }

    for (const w of bundle.workflows) {
      if (!envKeys.has(w.environment)) continue;
      const action = choice(refs.workflow(w.environment, w.key));
      if (action === 'create') ctx.workspaceQuery.createWorkflow(w.environment, w.key, w.name, ctx.clock.now(), { active: w.active, steps: w.steps });
      else if (action === 'replace') ctx.workspaceQuery.updateWorkflow(w.environment, w.key, { name: w.name, active: w.active, steps: w.steps });
      if (action !== 'skip') report.counts.workflows++;
    }

    const fixtures = fixturesRepo(ctx.db);
    for (const f of bundle.fixtures) {
      const sourceId = sourceIds.get(f.source);
      if (!sourceId) continue;
      const { source: _source, name, ...request } = f;
      const existing = fixtures.byName(sourceId, name);
      const action = existing ? (replacedSources.has(f.source) ? choice(refs.fixture(f.source, name)) : 'rename') : 'create';
      if (action === 'skip') continue;
      const now = ctx.clock.now();
      if (action === 'replace' && existing) fixtures.save({ ...existing, ...request, updatedAt: now });
      else fixtures.save({ ...request, id: newId('fix'), sourceId, name: freeName(ctx, sourceId, name), createdAt: now, updatedAt: now });
      report.counts.fixtures++;
    }

    const destinations = createDestinationsRepo(ctx.db);
    const present = destinations.list();
    bundle.destinations.forEach((d, i) => {
      const sourceId = sourceIds.get(d.source);
      if (!sourceId || !envKeys.has(d.environment)) return;
      const existing = present.find((x) => x.sourceId === sourceId && x.environment === d.environment && x.url === d.url);
      if (existing && choice(refs.destination(i)) !== 'replace') return;
      const secret = opened?.destinations[String(i)];
      const { source: _source, hasSecret, ...fields } = d;
      if (hasSecret && secret === undefined) report.warnings.push(`${d.source}: destination ${d.name} came without its signing secret; it re-signs with the environment's`);
      destinations.save({
        ...fields, id: existing?.id ?? newId('dst'), sourceId, secret: secret === undefined ? (existing?.secret ?? null) : ctx.secretStore.seal(secret),
        paused: existing?.paused ?? false, autoHeldAt: existing?.autoHeldAt ?? null, createdAt: existing?.createdAt ?? ctx.clock.now(),
      });
      report.counts.destinations++;
    });

    applyWorkspace(ctx, bundle, choice, report);
  })();

  ctx.routes.invalidate();
  ctx.mappings.invalidate();
  return { report, sourceIds, choice };
}

/** A whole bundle: its configuration (see `applyConfiguration`), then its log slice, judged through the routes just written. */
export async function importBundle(ctx: CoreContext, queue: IngestQueue, bundle: Bundle, options: BundleImportOptions = {}): Promise<BundleImportReport> {
  const { report, sourceIds, choice } = applyConfiguration(ctx, bundle, options);
  const events = bundle.events.filter((e) => sourceIds.has(e.source) && choice(refs.events(e.source)) !== 'skip');
  report.eventIds = await importBundleEvents(ctx, queue, events, sourceIds, bundle.redacted);
  report.counts.events = report.eventIds.length;
  return report;
}
