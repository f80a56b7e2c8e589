import { invalidInput, type ApiIssue } from '../../../shared/api/result';
import type { Bundle, OpenedSecrets } from '../../../shared/domain/bundle';
import type { BundleImportReport } from '../../../shared/domain/bundle-preview';
import { CUSTOM_TEMPLATE_ID, type Source } from '../../../shared/domain/source';
import { getTemplate } from '../templates';
import { MappingInputSchema } from '../../../shared/domain/mapping';
import type { CoreContext } from '../context';
import { plainVar, sealedVar, sealSecret } from '../sources/secret-rows';
import { defaultSettings } from '../sources/source-defaults';
import { newEndpointToken, newId } from '../util/ids';

type BundleSource = Bundle['sources'][number];
type SourceSecrets = OpenedSecrets['sources'][string] | undefined;

/** Picks a key not in use: `stripe`, then `stripe-2`, `stripe-3`… */
export function freeKey(ctx: CoreContext, key: string): string {
  if (!ctx.sources.getByKey(key)) return key;
  for (let n = 2; ; n++) {
    const candidate = `${key.slice(0, 60)}-${n}`;
    if (!ctx.sources.getByKey(candidate)) return candidate;
  }
}

/**
 * Refuses a file naming a template this version doesn't have, field by field, before anything is
 * written: its source would otherwise be created with a template nothing can show or update.
 */
export function checkImportFile(file: Pick<Bundle, 'sources'>): void {
  const issues = file.sources.flatMap((src, i): ApiIssue[] =>
    src.templateId === CUSTOM_TEMPLATE_ID || getTemplate(src.templateId)
      ? []
      : [{ path: ['file', 'sources', i, 'templateId'], message: `no template "${src.templateId}" (templates.list names them; "${CUSTOM_TEMPLATE_ID}" is a source without one)` }],
  );
  if (issues.length > 0) throw invalidInput(issues);
}

/** Secrets of one environment: a version-1 file's plain ones, else the opened sealed ones. */
function secretsFor(s: BundleSource['settings'][number], opened: SourceSecrets) {
  return s.secrets ?? opened?.[s.environment]?.secrets ?? [];
}

/** A source's settings, variables, secrets and mappings; scripts arrive unapproved. */
function writeSettings(ctx: CoreContext, src: BundleSource, opened: SourceSecrets, target: { id: string; key: string; replacing: Source | null }, report: BundleImportReport) {
  const envKeys = ctx.environments.list().map((e) => e.key);
  for (const envKey of envKeys) {
    const s = src.settings.find((x) => x.environment === envKey);
    const current = target.replacing?.settings.find((x) => x.environment === envKey);
    if (!s && current) continue;
    const base = s
      ? { ...s, preprocess: s.preprocess && { ...s.preprocess, approved: false }, endpointToken: current?.endpointToken ?? newEndpointToken() }
      : defaultSettings(envKey);
    const row = { ...base, environment: envKey, sourceId: target.id };
    if (current) ctx.sources.updateSettings(row);
    else ctx.sources.insertSettings(row);
    if (!s) continue;
    if (s.preprocess) report.awaitingApproval.push({ sourceId: target.id, key: target.key, environment: envKey });
    for (const v of s.vars) {
      const value = v.value ?? opened?.[envKey]?.vars[v.name] ?? null;
      if (value === null) {
        if (!current?.vars.some((x) => x.name === v.name)) report.warnings.push(`${target.key} (${envKey}): secret variable ${v.name} came without a value; set it before enabling the script`);
        continue;
      }
      const varRow = { sourceId: target.id, environment: envKey, name: v.name, value };
      ctx.sources.upsertVar(v.secret ? sealedVar(ctx, varRow) : plainVar(varRow));
    }
    const secrets = secretsFor(s, opened);
    // Replacing keeps the secrets here unless the file brought its own (opened with the passphrase).
    if (current && secrets.length > 0) for (const old of current.secrets) ctx.sources.removeSecret(target.id, envKey, old.id);
    secrets.forEach((secret, existing) =>
      ctx.sources.insertSecret(sealSecret(ctx, { sourceId: target.id, environment: envKey, secret: secret.value, label: secret.label, existing })),
    );
  }
}

function writeMappings(ctx: CoreContext, src: BundleSource, target: { id: string; key: string; replacing: Source | null }, report: BundleImportReport) {
  const envKeys = new Set(ctx.environments.list().map((e) => e.key));
  if (target.replacing) for (const m of ctx.mappings.bySource(target.id)) ctx.mappings.remove(m);
  const now = ctx.clock.now();
  for (const m of src.mappings) {
    const overrides = m.overrides && Object.fromEntries(Object.entries(m.overrides).filter(([env]) => envKeys.has(env)));
    const mapping = { ...m, ...(overrides ? { overrides } : {}), id: newId('map'), sourceId: target.id, activeIn: m.activeIn.filter((e) => envKeys.has(e)), createdAt: now, updatedAt: now };
    const parsed = MappingInputSchema.safeParse(mapping);
    if (parsed.success) {
      ctx.mappings.save(mapping);
      report.counts.mappings++;
    } else report.warnings.push(`${target.key}: mapping ${m.eventType} → ${m.actionType} left out: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
}

/**
 * Applies one source of a bundle (inside the caller's transaction): created under `key` with fresh
 * endpoint tokens, or `replacing` an existing source, which keeps its id, URLs and log and takes
 * the file's settings and mappings. Returns the source's id.
 */
export function applySource(ctx: CoreContext, src: BundleSource, opened: SourceSecrets, how: { key: string } | { replacing: Source }, report: BundleImportReport): string {
  if ('replacing' in how) {
    const existing = how.replacing;
    if (existing.templateId !== src.templateId) report.warnings.push(`${existing.key}: kept its template (${existing.templateId}); the file's source was made from ${src.templateId}`);
    ctx.sources.rename(existing.id, src.name);
    const target = { id: existing.id, key: existing.key, replacing: existing };
    writeSettings(ctx, src, opened, target, report);
    writeMappings(ctx, src, target, report);
    report.replaced.push({ key: existing.key, id: existing.id });
    return existing.id;
  }
  const id = newId('src');
  ctx.sources.insert({ id, key: how.key, name: src.name, templateId: src.templateId, templateVersion: src.templateVersion, createdAt: ctx.clock.now() });
  const target = { id, key: how.key, replacing: null };
  writeSettings(ctx, src, opened, target, report);
  writeMappings(ctx, src, target, report);
  report.created.push({ key: how.key, id });
  return id;
}
