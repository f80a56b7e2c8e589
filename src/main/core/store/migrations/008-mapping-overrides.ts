import type { Migration } from '../migrate';

/**
 * Issue #10, mappings per environment: a mapping's parameters may differ per environment. The
 * overrides sit next to the shared parameters as JSON (environment → parameter → expression), read
 * with the mapping every time it is, as `params` is; '{}' means the mapping is the same everywhere.
 * Activation per environment stays in `active_in`.
 */
export const mappingOverrides: Migration = {
  version: 8,
  name: 'mapping-overrides',
  up(db) {
    db.exec(`ALTER TABLE mappings ADD COLUMN overrides TEXT NOT NULL DEFAULT '{}';`);
  },
};
