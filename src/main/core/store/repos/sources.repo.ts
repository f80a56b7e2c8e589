import type { ScriptVarInfo, SecretInfo, Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { VerificationConfigSchema } from '../../../../shared/domain/verification';
import type { Db } from '../db';

interface SourceRow {
  id: string;
  key: string;
  name: string;
  template_id: string;
  template_version: string;
  created_at: number;
}

interface SettingsRow {
  source_id: string;
  environment: string;
  endpoint_token: string;
  enabled: number;
  verification: string;
  event_type_path: string;
  timestamp_path: string | null;
  idempotency_key_path: string | null;
  enforce_verification: number;
  preprocess_script: string | null;
  preprocess_enabled: number;
  preprocess_approved: number;
}

interface VarRow {
  source_id: string;
  environment: string;
  name: string;
  value: string | null;
  sealed: Buffer | null;
  preview: string;
}

/** A stored script variable: plain ones carry `value`, secret ones `sealed`. */
export interface StoredVar {
  sourceId: string;
  environment: string;
  name: string;
  value: string | null;
  sealed: Buffer | null;
  preview: string;
}

interface SecretRow {
  id: string;
  source_id: string;
  environment: string;
  label: string;
  preview: string;
  sealed: Buffer;
  created_at: number;
}

/** A stored secret, still sealed. */
export interface SealedSecret extends SecretInfo {
  sourceId: string;
  environment: string;
  sealed: Buffer;
}

export type SettingsInsert = Omit<SourceEnvSettings, 'secrets' | 'vars'> & { sourceId: string };

const toVarInfo = (row: VarRow): ScriptVarInfo => ({ name: row.name, secret: row.sealed !== null, value: row.value, preview: row.preview });
const toStoredVar = (row: VarRow): StoredVar => ({
  sourceId: row.source_id, environment: row.environment, name: row.name, value: row.value, sealed: row.sealed, preview: row.preview,
});

const toSecretInfo = (row: SecretRow): SecretInfo => ({
  id: row.id,
  label: row.label,
  preview: row.preview,
  createdAt: row.created_at,
});

const toSealedSecret = (row: SecretRow): SealedSecret => ({
  ...toSecretInfo(row),
  sourceId: row.source_id,
  environment: row.environment,
  sealed: row.sealed,
});

// Old rows are validated on the way out: a config written by an older build must still parse.
const toSettings = (row: SettingsRow, secrets: SecretInfo[], vars: ScriptVarInfo[]): SourceEnvSettings => ({
  environment: row.environment,
  endpointToken: row.endpoint_token,
  enabled: row.enabled === 1,
  verification: VerificationConfigSchema.parse(JSON.parse(row.verification)),
  secrets,
  eventTypePath: row.event_type_path,
  timestampPath: row.timestamp_path,
  idempotencyKeyPath: row.idempotency_key_path,
  enforceVerification: row.enforce_verification === 1,
  preprocess:
    row.preprocess_script === null
      ? null
      : { script: row.preprocess_script, enabled: row.preprocess_enabled === 1, approved: row.preprocess_approved === 1 },
  vars,
});

export function createSourcesRepo(db: Db) {
  const q = {
    list: db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY created_at, key'),
    get: db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE id = ?'),
    getByKey: db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE key = ?'),
    settingsOf: db.prepare<[string], SettingsRow>(
      `SELECT s.* FROM source_settings s JOIN environments e ON e.key = s.environment
       WHERE s.source_id = ? ORDER BY e.position`,
    ),
    allSettings: db.prepare<[], SettingsRow & { template_id: string }>(
      'SELECT s.*, src.template_id FROM source_settings s JOIN sources src ON src.id = s.source_id',
    ),
    secretsOf: db.prepare<[string], SecretRow>('SELECT * FROM source_secrets WHERE source_id = ? ORDER BY created_at, rowid'),
    allSecrets: db.prepare<[], SecretRow>('SELECT * FROM source_secrets ORDER BY created_at, rowid'),
    getSecret: db.prepare<[string, string, string], SecretRow>(
      'SELECT * FROM source_secrets WHERE source_id = ? AND environment = ? AND id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO sources (id, key, name, template_id, template_version, created_at)
       VALUES (@id, @key, @name, @templateId, @templateVersion, @createdAt)`,
    ),
    insertSettings: db.prepare(
      `INSERT INTO source_settings (source_id, environment, endpoint_token, enabled, verification,
         event_type_path, timestamp_path, idempotency_key_path, enforce_verification,
         preprocess_script, preprocess_enabled, preprocess_approved)
       VALUES (@sourceId, @environment, @endpointToken, @enabled, @verification,
         @eventTypePath, @timestampPath, @idempotencyKeyPath, @enforceVerification,
         @preprocessScript, @preprocessEnabled, @preprocessApproved)`,
    ),
    updateSettings: db.prepare(
      `UPDATE source_settings SET enabled = @enabled, verification = @verification,
         event_type_path = @eventTypePath, timestamp_path = @timestampPath,
         idempotency_key_path = @idempotencyKeyPath, enforce_verification = @enforceVerification,
         preprocess_script = @preprocessScript, preprocess_enabled = @preprocessEnabled, preprocess_approved = @preprocessApproved
       WHERE source_id = @sourceId AND environment = @environment`,
    ),
    varsOf: db.prepare<[string], VarRow>('SELECT * FROM source_vars WHERE source_id = ? ORDER BY name'),
    allVars: db.prepare<[], VarRow>('SELECT * FROM source_vars'),
    upsertVar: db.prepare(
      `INSERT INTO source_vars (source_id, environment, name, value, sealed, preview)
       VALUES (@sourceId, @environment, @name, @value, @sealed, @preview)
       ON CONFLICT DO UPDATE SET value = @value, sealed = @sealed, preview = @preview`,
    ),
    removeVar: db.prepare('DELETE FROM source_vars WHERE source_id = ? AND environment = ? AND name = ?'),
    setToken: db.prepare(
      'UPDATE source_settings SET endpoint_token = @token WHERE source_id = @sourceId AND environment = @environment',
    ),
    rename: db.prepare('UPDATE sources SET name = @name WHERE id = @id'),
    remove: db.prepare('DELETE FROM sources WHERE id = ?'),
    insertSecret: db.prepare(
      `INSERT INTO source_secrets (id, source_id, environment, label, preview, sealed, created_at)
       VALUES (@id, @sourceId, @environment, @label, @preview, @sealed, @createdAt)`,
    ),
    removeSecret: db.prepare('DELETE FROM source_secrets WHERE source_id = ? AND environment = ? AND id = ?'),
  };

  const assemble = (row: SourceRow): Source => {
    const secrets = q.secretsOf.all(row.id);
    const vars = q.varsOf.all(row.id);
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      templateId: row.template_id,
      templateVersion: row.template_version,
      createdAt: row.created_at,
      settings: q.settingsOf
        .all(row.id)
        .map((s) =>
          toSettings(
            s,
            secrets.filter((x) => x.environment === s.environment).map(toSecretInfo),
            vars.filter((v) => v.environment === s.environment).map(toVarInfo),
          ),
        ),
    };
  };

  const settingsParams = (s: SettingsInsert) => ({
    sourceId: s.sourceId,
    environment: s.environment,
    endpointToken: s.endpointToken,
    enabled: s.enabled ? 1 : 0,
    verification: JSON.stringify(s.verification),
    eventTypePath: s.eventTypePath,
    timestampPath: s.timestampPath,
    idempotencyKeyPath: s.idempotencyKeyPath,
    enforceVerification: s.enforceVerification ? 1 : 0,
    preprocessScript: s.preprocess?.script ?? null,
    preprocessEnabled: s.preprocess?.enabled ? 1 : 0,
    preprocessApproved: s.preprocess?.approved ? 1 : 0,
  });

  return {
    list: (): Source[] => q.list.all().map(assemble),
    get(id: string): Source | undefined {
      const row = q.get.get(id);
      return row && assemble(row);
    },
    getByKey(key: string): Source | undefined {
      const row = q.getByKey.get(key);
      return row && assemble(row);
    },
    insert: (s: Omit<Source, 'settings'>): void => void q.insert.run(s),
    insertSettings: (s: SettingsInsert): void => void q.insertSettings.run(settingsParams(s)),
    updateSettings: (s: SettingsInsert): void => void q.updateSettings.run(settingsParams(s)),
    setToken: (sourceId: string, environment: string, token: string): boolean =>
      q.setToken.run({ sourceId, environment, token }).changes > 0,
    rename: (id: string, name: string): boolean => q.rename.run({ id, name }).changes > 0,
    remove: (id: string): boolean => q.remove.run(id).changes > 0,
    insertSecret: (s: SealedSecret): void =>
      void q.insertSecret.run({
        id: s.id,
        sourceId: s.sourceId,
        environment: s.environment,
        label: s.label,
        preview: s.preview,
        sealed: s.sealed,
        createdAt: s.createdAt,
      }),
    removeSecret: (sourceId: string, environment: string, secretId: string): boolean =>
      q.removeSecret.run(sourceId, environment, secretId).changes > 0,
    getSecret(sourceId: string, environment: string, secretId: string): SealedSecret | undefined {
      const row = q.getSecret.get(sourceId, environment, secretId);
      return row && toSealedSecret(row);
    },
    upsertVar: (v: StoredVar): void => void q.upsertVar.run(v),
    removeVar: (sourceId: string, environment: string, name: string): boolean => q.removeVar.run(sourceId, environment, name).changes > 0,
    /** Everything the receiver's routing table needs, in three queries. */
    routingSnapshot: () => ({
      settings: q.allSettings.all().map((row) => ({ sourceId: row.source_id, templateId: row.template_id, settings: toSettings(row, [], []) })),
      secrets: q.allSecrets.all().map(toSealedSecret),
      vars: q.allVars.all().map(toStoredVar),
    }),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type SourcesRepo = ReturnType<typeof createSourcesRepo>;
