import type { Bundle, OpenedSecrets } from '../../../shared/domain/bundle';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../../shared/domain/bundle';
import type { EventFilter } from '../../../shared/domain/event';
import type { Source } from '../../../shared/domain/source';
import type { CoreContext } from '../context';
import { createDestinationsRepo } from '../deliveries/destinations-repo';
import { fixturesRepo } from '../fixtures/fixtures-repo';
import { sealSecrets } from './passphrase';
import { exportWorkspace, type RedactValue } from './workspace-snapshot';

/** What a redactor does to one request; the hook lets an export run without one. */
export type RedactRequest = (r: { headers: Record<string, string>; body: string; query: string; bodyEncoding: 'utf8' | 'base64' }) => {
  headers: Record<string, string>;
  body: string;
  query: string;
  /** Its headers, query or body changed: its event is marked, so a replay re-signs it. */
  redacted: boolean;
};

export interface BundleExportOptions {
  /** Sources to carry (default: all). */
  sourceIds?: string[] | undefined;
  /** Environments to carry (default: all); settings, workflows, destinations and events of others stay. */
  environments?: string[] | undefined;
  mappings: boolean;
  workflows: boolean;
  destinations: boolean;
  fixtures: boolean;
  /** A slice of the log, newest first up to `max`, written oldest first. */
  events?: { filter: Omit<EventFilter, 'sourceId' | 'environment'>; max: number } | undefined;
  /** Secret values travel only sealed with this. */
  passphrase?: string | undefined;
  redact?: RedactRequest | undefined;
  /** Each carried environment's workspace snapshot, redacted by `redactValue` (the same redactor as `redact`). */
  workspace?: boolean | undefined;
  redactValue?: RedactValue | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const textOf = (body: Buffer): { body: string; bodyEncoding: 'utf8' | 'base64' } => {
  try {
    return { body: utf8.decode(body), bodyEncoding: 'utf8' };
  } catch {
    return { body: body.toString('base64'), bodyEncoding: 'base64' };
  }
};

/** The configuration part: a source's settings (secret values left out) and mappings. */
function sourcePart(ctx: CoreContext, source: Source, envs: Set<string>, withMappings: boolean): Bundle['sources'][number] {
  return {
    key: source.key,
    name: source.name,
    templateId: source.templateId,
    templateVersion: source.templateVersion,
    settings: source.settings.filter((s) => envs.has(s.environment)).map((s) => ({
      environment: s.environment,
      enabled: s.enabled,
      verification: s.verification,
      eventTypePath: s.eventTypePath,
      timestampPath: s.timestampPath,
      idempotencyKeyPath: s.idempotencyKeyPath,
      enforceVerification: s.enforceVerification,
      preprocess: s.preprocess && { script: s.preprocess.script, enabled: s.preprocess.enabled },
      vars: s.vars.map((v) => ({ name: v.name, secret: v.secret, value: v.secret ? null : v.value })),
    })),
    mappings: withMappings ? ctx.mappings.exportShape(source.id).map((m) => ({ ...m, activeIn: m.activeIn.filter((e) => envs.has(e)) })) : [],
  };
}

function secretsOf(ctx: CoreContext, sources: Source[], envs: Set<string>): OpenedSecrets['sources'] {
  return Object.fromEntries(sources.map((source) => [source.key, Object.fromEntries(source.settings.filter((s) => envs.has(s.environment)).map((s) => {
    const route = ctx.routes.forSource(source.id, s.environment);
    const vars = Object.fromEntries(s.vars.filter((v) => v.secret).flatMap((v) => {
      const value = route?.vars.values[v.name];
      return value === undefined ? [] : [[v.name, value]];
    }));
    const secrets = s.secrets.map((info) => ({ label: info.label, value: ctx.secretStore.open(ctx.sources.getSecret(source.id, s.environment, info.id)!.sealed) }));
    return [s.environment, { secrets, vars }];
  }))]));
}

function eventsPart(ctx: CoreContext, sources: Source[], envs: Set<string>, slice: NonNullable<BundleExportOptions['events']>, redact: RedactRequest | undefined): Bundle['events'] {
  const keyOf = new Map(sources.map((s) => [s.id, s.key]));
  const out: Array<{ id: number; event: Bundle['events'][number] }> = [];
  let taken = 0;
  for (const source of sources) {
    for (const environment of envs) {
      let cursor: number | undefined;
      while (taken < slice.max) {
        const page = ctx.events.list({ ...slice.filter, sourceId: source.id, environment, limit: Math.min(500, slice.max - taken), ...(cursor === undefined ? {} : { cursor }) });
        for (const summary of page.items) {
          const e = ctx.events.get(summary.id);
          if (!e) continue;
          const text = textOf(e.body);
          const headers = Object.fromEntries(e.headers);
          const r = redact ? redact({ headers, body: text.body, query: e.query, bodyEncoding: text.bodyEncoding }) : { headers, body: text.body, query: e.query, redacted: false };
          const event = { source: keyOf.get(source.id)!, environment, receivedAt: e.receivedAt, method: e.method, query: r.query, headers: Object.entries(r.headers), body: r.body, bodyEncoding: text.bodyEncoding };
          out.push({ id: e.id, event: redact ? { ...event, redacted: r.redacted } : event });
          taken++;
        }
        if (page.nextCursor === null || page.items.length === 0) break;
        cursor = page.nextCursor;
      }
    }
  }
  // In the order they were logged (several share a millisecond), so a replay runs them in that order.
  return out.sort((a, b) => a.event.receivedAt - b.event.receivedAt || a.id - b.id).map((x) => x.event);
}

/** Writes a bundle of the chosen parts. Endpoint tokens never leave; secrets only sealed. */
export function exportBundle(ctx: CoreContext, options: BundleExportOptions): Bundle {
  const sources = ctx.sources.list().filter((s) => !options.sourceIds || options.sourceIds.includes(s.id));
  const environments = ctx.environments.list().filter((e) => !options.environments || options.environments.includes(e.key));
  const envs = new Set(environments.map((e) => e.key));
  const sourceKey = new Map(sources.map((s) => [s.id, s.key]));
  const destinations = options.destinations
    ? createDestinationsRepo(ctx.db).list().filter((d) => sourceKey.has(d.sourceId) && envs.has(d.environment))
    : [];
  const fixtures = options.fixtures ? fixturesRepo(ctx.db).list().filter((f) => sourceKey.has(f.sourceId)) : [];
  const sealed = options.passphrase
    ? sealSecrets({
        sources: secretsOf(ctx, sources, envs),
        destinations: Object.fromEntries(destinations.flatMap((d, i) => (d.secret ? [[String(i), ctx.secretStore.open(d.secret)]] : []))),
      }, options.passphrase)
    : undefined;
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: ctx.clock.now(),
    inletVersion: ctx.info.version,
    environments: environments.map(({ key, name }) => ({ key, name })),
    sources: sources.map((s) => sourcePart(ctx, s, envs, options.mappings)),
    workflows: options.workflows
      ? environments.flatMap((env) => ctx.workspaceQuery.workflows(env.key).map((w) => ({ environment: env.key, key: w.key, name: w.name, active: w.active, steps: w.steps })))
      : [],
    destinations: destinations.map((d) => ({
      source: sourceKey.get(d.sourceId)!, environment: d.environment, name: d.name, url: d.url, eventTypes: d.eventTypes, enabled: d.enabled,
      timeoutMs: d.timeoutMs, signing: d.signing, ordered: d.ordered, concurrency: d.concurrency, retrySchedule: d.retrySchedule, hasSecret: d.secret !== null,
    })),
    fixtures: fixtures.map((f) => {
      const r = options.redact && f.bodyEncoding === 'utf8' ? options.redact({ headers: f.headers, body: f.body, query: f.query, bodyEncoding: f.bodyEncoding }) : f;
      return { source: sourceKey.get(f.sourceId)!, name: f.name, method: f.method, query: r.query, headers: r.headers, body: r.body, bodyEncoding: f.bodyEncoding, eventType: f.eventType };
    }),
    events: options.events ? eventsPart(ctx, sources, envs, options.events, options.redact) : [],
    redacted: options.redact !== undefined,
    ...(sealed ? { sealed } : {}),
    ...(options.workspace ? { workspace: exportWorkspace(ctx, environments.map((e) => e.key), options.redactValue) } : {}),
  };
}
