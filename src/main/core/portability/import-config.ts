import { invalidInput, type ApiIssue } from '../../../shared/api/result';
import type { ExportFile } from '../../../shared/domain/export';
import { CUSTOM_TEMPLATE_ID } from '../../../shared/domain/source';
import { getTemplate } from '../templates';
import { MappingInputSchema } from '../../../shared/domain/mapping';
import type { CoreContext } from '../context';
import { addEnvironment } from '../environments/add-environment';
import { plainVar, sealedVar, sealSecret } from '../sources/secret-rows';
import { defaultSettings } from '../sources/source-defaults';
import { newEndpointToken, newId } from '../util/ids';

export interface ImportReport {
  created: Array<{ key: string; id: string }>;
  skipped: Array<{ key: string; reason: string }>;
  /** Scripts that came with the file: off until the user approves them. */
  awaitingApproval: Array<{ sourceId: string; key: string; environment: string }>;
  warnings: string[];
}

/** Picks a key not in use: `stripe`, then `stripe-2`, `stripe-3`… */
function freeKey(ctx: CoreContext, key: string): string {
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
export function checkImportFile(file: ExportFile): void {
  const issues = file.sources.flatMap((src, i): ApiIssue[] =>
    src.templateId === CUSTOM_TEMPLATE_ID || getTemplate(src.templateId)
      ? []
      : [{ path: ['file', 'sources', i, 'templateId'], message: `no template "${src.templateId}" (templates.list names them; "${CUSTOM_TEMPLATE_ID}" is a source without one)` }],
  );
  if (issues.length > 0) throw invalidInput(issues);
}

/**
 * Applies an exported configuration in one transaction: missing environments and workflows are
 * created, sources get fresh endpoint tokens, scripts arrive unapproved, invalid mappings are
 * reported and left out. Nothing is half-imported.
 */
export function importConfig(ctx: CoreContext, file: ExportFile, onConflict: 'skip' | 'rename'): ImportReport {
  const report: ImportReport = { created: [], skipped: [], awaitingApproval: [], warnings: [] };
  const now = ctx.clock.now();
  ctx.db.transaction(() => {
    for (const env of file.environments) if (!ctx.environments.get(env.key)) addEnvironment(ctx, env.key, env.name);
    const envKeys = new Set(ctx.environments.list().map((e) => e.key));

    for (const src of file.sources) {
      if (ctx.sources.getByKey(src.key) && onConflict === 'skip') {
        report.skipped.push({ key: src.key, reason: `a source with key "${src.key}" already exists` });
        continue;
      }
      const key = freeKey(ctx, src.key);
      const id = newId('src');
      ctx.sources.insert({ id, key, name: src.name, templateId: src.templateId, templateVersion: src.templateVersion, createdAt: now });
      for (const envKey of envKeys) {
        const s = src.settings.find((x) => x.environment === envKey);
        const base = s
          ? { ...s, preprocess: s.preprocess && { ...s.preprocess, approved: false }, endpointToken: newEndpointToken() }
          : defaultSettings(envKey);
        ctx.sources.insertSettings({ ...base, environment: envKey, sourceId: id });
        if (s?.preprocess) report.awaitingApproval.push({ sourceId: id, key, environment: envKey });
        for (const v of s?.vars ?? []) {
          if (v.value === null) {
            report.warnings.push(`${key} (${envKey}): secret variable ${v.name} came without a value; set it before enabling the script`);
            continue;
          }
          const row = { sourceId: id, environment: envKey, name: v.name, value: v.value };
          ctx.sources.upsertVar(v.secret ? sealedVar(ctx, row) : plainVar(row));
        }
        (s?.secrets ?? []).forEach((secret, existing) =>
          ctx.sources.insertSecret(sealSecret(ctx, { sourceId: id, environment: envKey, secret: secret.value, label: secret.label, existing })),
        );
      }
      for (const m of src.mappings) {
        const mapping = { ...m, id: newId('map'), sourceId: id, activeIn: m.activeIn.filter((e) => envKeys.has(e)), createdAt: now, updatedAt: now };
        const parsed = MappingInputSchema.safeParse(mapping);
        if (parsed.success) ctx.mappings.save(mapping);
        else report.warnings.push(`${key}: mapping ${m.eventType} → ${m.actionType} left out: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      report.created.push({ key, id });
    }
    for (const w of file.workflows) if (envKeys.has(w.environment)) ctx.workspaceQuery.createWorkflow(w.environment, w.key, w.name, now, { active: w.active, steps: w.steps });
  })();
  return report;
}
