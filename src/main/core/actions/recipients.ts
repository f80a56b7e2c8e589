import { TENANTS_COLLECTION, USERS_COLLECTION, type RecipientRef, type TenantRef } from '../../../shared/domain/action';
import { USER_FIELDS } from '../store/repos/workspace.repo';
import type { ExecContext } from './execute';

type Props = Record<string, unknown>;
const isObject = (v: unknown): v is Props => v !== null && typeof v === 'object' && !Array.isArray(v);
export const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Knock's reserved keys of an inline recipient ("Identifying recipients"): `channel_data` and
 * `preferences` are stored beside the recipient, never as custom properties, and `$trigger_data`
 * belongs to that recipient's run, not to the recipient at all.
 */
export interface SplitProps {
  props: Props;
  channelData: Props | null;
  preferences: Props | null;
  triggerData: Props | null;
}

export function splitReserved(properties: Props): SplitProps {
  const { channel_data: channelData, preferences, $trigger_data: triggerData, ...props } = properties;
  return {
    props,
    channelData: isObject(channelData) ? channelData : null,
    preferences: isObject(preferences) ? preferences : null,
    triggerData: isObject(triggerData) ? triggerData : null,
  };
}

function storeExtras(c: ExecContext, collection: string, id: string, split: SplitProps): void {
  if (split.channelData || split.preferences) {
    c.workspace.setRecipientExtras(c.environment, collection, id, split.channelData ?? {}, split.preferences ?? {});
  }
}

/**
 * Users identify: named fields get their columns, reserved keys their own, the rest is custom.
 * Returns whether the user was created when `created` is asked (it costs a statement for a known user).
 */
export function identify(c: ExecContext, params: Props, created?: 'created'): boolean {
  const split = splitReserved(params);
  const fields: Record<string, string> = {};
  const custom: Props = {};
  for (const [k, v] of Object.entries(split.props)) {
    if ((USER_FIELDS as readonly string[]).includes(k)) fields[k] = v as string;
    else if (k !== 'id') custom[k] = v;
  }
  const id = String(params.id);
  let isNew = false;
  if (created) isNew = c.workspace.createOrMergeUser(c.environment, id, fields, custom, c.now);
  else c.workspace.upsertUser(c.environment, id, fields, custom, c.now);
  storeExtras(c, USERS_COLLECTION, id, split);
  return isNew;
}

/** Objects set (and inline objects): `name` has its column, reserved keys their own. */
export function setObject(c: ExecContext, collection: string, id: string, name: string | null, properties: Props): void {
  const split = splitReserved(properties);
  c.workspace.upsertObject(c.environment, collection, id, name, split.props, c.now);
  storeExtras(c, collection, id, split);
}

export function setTenant(c: ExecContext, id: string, name: string | null, settings: unknown, properties: Props): void {
  const split = splitReserved(properties);
  c.workspace.upsertTenant(c.environment, id, name, settings ?? {}, split.props, c.now);
  storeExtras(c, TENANTS_COLLECTION, id, split);
}

/**
 * Identifies an inline recipient on the fly — any object-shaped recipient, even `{id}` alone, is an
 * upsert in Knock — and says whether the recipient now exists. `$tenants` recipients are tenants.
 */
export function ensureRecipient(c: ExecContext, r: RecipientRef): boolean {
  const inline = r.properties !== undefined;
  if (r.collection === USERS_COLLECTION) {
    if (inline) identify(c, { ...r.properties, id: r.id });
    return c.workspace.userExists(c.environment, r.id);
  }
  if (r.collection === TENANTS_COLLECTION) {
    if (inline) {
      const { name, settings, ...props } = r.properties ?? {};
      setTenant(c, r.id, asText(name), settings, props);
    }
    return c.workspace.tenantExists(c.environment, r.id);
  }
  if (inline) {
    const { name, ...props } = r.properties ?? {};
    setObject(c, r.collection, r.id, asText(name), props);
  }
  return c.workspace.objectExists(c.environment, r.collection, r.id);
}

/**
 * The trigger's tenant: an inline tenant is set first; a tenant id Knock hasn't seen is created as
 * a stub ("Multi-tenancy": a trigger with an unknown tenant id creates the tenant).
 */
export function triggerTenant(c: ExecContext, tenant: TenantRef | undefined): { id: string | null; created: boolean } {
  if (tenant === undefined) return { id: null, created: false };
  const id = typeof tenant === 'string' ? tenant : tenant.id;
  const existed = c.workspace.tenantExists(c.environment, id);
  if (typeof tenant === 'string') {
    if (!existed) c.workspace.upsertTenant(c.environment, id, null, {}, {}, c.now);
  } else {
    const { name, settings, ...props } = tenant.properties;
    setTenant(c, id, asText(name), settings, props);
  }
  return { id, created: !existed };
}
