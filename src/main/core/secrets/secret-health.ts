import type { Diagnosis } from '../../../shared/domain/verification';
import type { Source } from '../../../shared/domain/source';
import type { SecretStore } from '../ports';
import type { SourcesRepo } from '../store/repos/sources.repo';

export const UNUSABLE_SECRET_MESSAGE =
  "This secret can't be decrypted on this machine (the key it was sealed with is gone); enter it again.";

/** The verification diagnosis for a source whose secret (or secret script variable) can't be opened. */
export function unusableSecretDiagnosis(hints: Diagnosis['hints'] = []): Diagnosis {
  return { code: 'secret_unusable', message: UNUSABLE_SECRET_MESSAGE, hints };
}

/** Opens a sealed value, or null when this machine's key can't (another key, another keychain, damage). */
export function tryOpen(store: SecretStore, sealed: Buffer): string | null {
  try {
    return store.open(sealed);
  } catch {
    return null;
  }
}

/**
 * Remembers, per sealed blob, whether it opens. Every seal has a fresh nonce, so a re-entered
 * secret is a new blob and is checked afresh; a blob's answer never changes while the app runs.
 */
export function createSecretHealth(store: SecretStore) {
  const memo = new Map<string, boolean>();
  return {
    canOpen(sealed: Buffer): boolean {
      const key = sealed.toString('base64');
      let ok = memo.get(key);
      if (ok === undefined) {
        ok = tryOpen(store, sealed) !== null;
        memo.set(key, ok);
      }
      return ok;
    },
  };
}
export type SecretHealth = ReturnType<typeof createSecretHealth>;

export interface UnusableSecret {
  sourceId: string;
  environment: string;
  /** The secret's label, or the script variable's name. */
  name: string;
  kind: 'secret' | 'var';
}

/** Every sealed secret and secret script variable that no longer opens with the current store. */
export function findUnusableSecrets(sources: SourcesRepo, health: SecretHealth): UnusableSecret[] {
  const snapshot = sources.routingSnapshot();
  const found: UnusableSecret[] = [];
  for (const s of snapshot.secrets) {
    if (!health.canOpen(s.sealed)) found.push({ sourceId: s.sourceId, environment: s.environment, name: s.label, kind: 'secret' });
  }
  for (const v of snapshot.vars) {
    if (v.sealed && !health.canOpen(v.sealed)) found.push({ sourceId: v.sourceId, environment: v.environment, name: v.name, kind: 'var' });
  }
  return found;
}

/** The start-up warning naming what must be entered again. */
export function describeUnusableSecrets(found: readonly UnusableSecret[], sourceName: (id: string) => string): string {
  const items = found.map((f) => `${f.kind === 'var' ? 'script variable' : 'secret'} "${f.name}" of ${sourceName(f.sourceId)} (${f.environment})`);
  return (
    `${found.length} saved secret${found.length === 1 ? '' : 's'} can't be decrypted on this machine (the key ${found.length === 1 ? 'it was' : 'they were'} ` +
    `sealed with is gone): ${items.join(', ')}. Inlet keeps running; requests to these sources fail verification until ` +
    'you enter the secrets again in the source settings (or put the original secret.key back and restart).'
  );
}

/** Adds `unusable: true` to the secrets and secret variables that no longer open. */
function markUnusable(list: Source[], sources: SourcesRepo, health: SecretHealth): Source[] {
  if (list.length === 0) return list;
  const snapshot = sources.routingSnapshot();
  const badSecrets = new Set(snapshot.secrets.filter((s) => !health.canOpen(s.sealed)).map((s) => s.id));
  const badVars = new Set(
    snapshot.vars.filter((v) => v.sealed && !health.canOpen(v.sealed)).map((v) => `${v.sourceId}\u0000${v.environment}\u0000${v.name}`),
  );
  if (badSecrets.size === 0 && badVars.size === 0) return list;
  return list.map((source) => ({
    ...source,
    settings: source.settings.map((s) => ({
      ...s,
      secrets: s.secrets.map((info) => (badSecrets.has(info.id) ? { ...info, unusable: true } : info)),
      vars: s.vars.map((v) => (badVars.has(`${source.id}\u0000${s.environment}\u0000${v.name}`) ? { ...v, unusable: true } : v)),
    })),
  }));
}

/** The sources repo whose reads say which secrets can't be opened here (`sources.list`/`get` show it). */
export function withSecretHealth(sources: SourcesRepo, health: SecretHealth): SourcesRepo {
  const one = (source: Source | undefined) => source && markUnusable([source], sources, health)[0];
  return {
    ...sources,
    list: () => markUnusable(sources.list(), sources, health),
    get: (id) => one(sources.get(id)),
    getByKey: (key) => one(sources.getByKey(key)),
  };
}
