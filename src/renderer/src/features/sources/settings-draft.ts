import type { SourceEnvSettings, SourceEnvSettingsPatch } from '../../../../shared/domain/source';
import { parseExpr } from '../../../../shared/expr';

/** The settings edited as a form (saved together), as opposed to switches that save at once. */
export interface SettingsDraft {
  eventTypePath: string;
  timestampPath: string;
  idempotencyKeyPath: string;
  script: string;
  scriptEnabled: boolean;
}

export const settingsDraftOf = (s: SourceEnvSettings): SettingsDraft => ({
  eventTypePath: s.eventTypePath,
  timestampPath: s.timestampPath ?? '',
  idempotencyKeyPath: s.idempotencyKeyPath ?? '',
  script: s.preprocess?.script ?? '',
  scriptEnabled: s.preprocess?.enabled ?? true,
});

export const sameDraft = (a: SettingsDraft, b: SettingsDraft): boolean =>
  a.eventTypePath === b.eventTypePath &&
  a.timestampPath.trim() === b.timestampPath.trim() &&
  a.idempotencyKeyPath.trim() === b.idempotencyKeyPath.trim() &&
  a.script === b.script &&
  (a.script.trim() === '' || a.scriptEnabled === b.scriptEnabled);

/** Whether the paths parse (an optional one may be empty); the form cannot be saved otherwise. */
export const draftPathsValid = (d: SettingsDraft): boolean =>
  d.eventTypePath.trim() !== '' &&
  parseExpr(d.eventTypePath).ok &&
  [d.timestampPath, d.idempotencyKeyPath].every((p) => p.trim() === '' || parseExpr(p).ok);

/**
 * An empty script removes the preprocess step; empty optional paths turn their check off. The
 * script is sent only when it changed: the host approves any script it is sent, and an imported one
 * must be approved on purpose (Approve and enable), not by saving a path next to it.
 */
export const settingsPatchOf = (d: SettingsDraft, saved?: SettingsDraft): SourceEnvSettingsPatch => {
  const paths = { eventTypePath: d.eventTypePath.trim(), timestampPath: d.timestampPath.trim() || null, idempotencyKeyPath: d.idempotencyKeyPath.trim() || null };
  const scriptUnchanged = saved !== undefined && d.script === saved.script && (d.script.trim() === '' || d.scriptEnabled === saved.scriptEnabled);
  if (scriptUnchanged) return paths;
  return { ...paths, preprocess: d.script.trim() === '' ? null : { script: d.script, enabled: d.scriptEnabled } };
};
