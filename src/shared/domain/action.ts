import { z } from 'zod';

/**
 * The 12 action kinds (SPEC §5), listed in their fixed execution order: whatever order mappings were
 * made in, an event's identifies run before its subscriptions, and its triggers run last, so a
 * trigger can reach a user identified by the same event. Names mirror Knock's `action_type`.
 */
export const ACTION_ORDER = [
  'users_identify',
  'users_delete',
  'objects_set',
  'objects_delete',
  'tenants_set',
  'tenants_delete',
  'objects_subscribe',
  'objects_unsubscribe',
  'audiences_add_member',
  'audiences_remove_member',
  'workflows_cancel',
  'workflows_trigger',
] as const;
export const ActionTypeSchema = z.enum(ACTION_ORDER);
export type ActionType = z.infer<typeof ActionTypeSchema>;

/** Rank of an action type in the execution order (0 runs first). */
export const executionRank = (t: ActionType): number => ACTION_ORDER.indexOf(t);

/** Knock's documented limits (knock-model §4), enforced locally so behaviour matches the cloud. */
export const KNOCK_LIMITS = {
  triggerRecipients: 1000,
  cancelRecipients: 1000,
  subscriptionRecipients: 100,
  audienceMembers: 1000,
  cancellationKeyLength: 255,
  idempotencyKeyLength: 255,
} as const;

/**
 * What a parameter holds, so the editor can pick an input and the engine the coercion:
 * - `workflow_key`, `audience_key`, `collection`, `id`: a string id (a number is converted);
 * - `text`: a string (numbers and booleans are converted);
 * - `recipients`: one or many users/objects (ids or inline `{id, …props}`), always made a list;
 * - `users`: like `recipients` but users only (audience members);
 * - `recipient`: exactly one (the actor); `tenant`: an id or an inline tenant `{id, …props}`;
 * - `object`: a JSON object; `custom_properties`: an object merged into the entity's properties.
 */
export const PARAM_KINDS = [
  'workflow_key', 'audience_key', 'collection', 'id', 'text',
  'recipients', 'users', 'recipient', 'tenant', 'object', 'custom_properties',
] as const;
export type ParamKind = (typeof PARAM_KINDS)[number];

export interface ParamSpec {
  /** The key in `Mapping.params` and in the resolved parameters (Knock's REST field name). */
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly kind: ParamKind;
  /** Most items (lists) or characters (strings). */
  readonly max?: number;
  readonly help?: string;
}

export interface ActionSpec {
  readonly type: ActionType;
  readonly label: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
}

const p = (name: string, label: string, kind: ParamKind, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name, label, kind, required: false, ...extra,
});
const req = { required: true } as const;
const L = KNOCK_LIMITS;
const COLLECTION_HELP = 'Object collection; "$tenants" addresses a tenant.';

/** Every action with its parameters, in execution order; the editor renders one input per entry. */
export const ACTIONS: Readonly<Record<ActionType, ActionSpec>> = {
  users_identify: {
    type: 'users_identify', label: 'Identify user', description: 'Creates or updates a user.',
    params: [
      p('id', 'User ID', 'id', req), p('name', 'Name', 'text'), p('email', 'Email', 'text'),
      p('phone_number', 'Phone number', 'text', { help: 'E.164, e.g. +14155550123' }),
      p('avatar', 'Avatar URL', 'text'), p('locale', 'Locale', 'text'), p('timezone', 'Time zone', 'text'),
      p('custom_properties', 'Custom properties', 'custom_properties'),
    ],
  },
  users_delete: {
    type: 'users_delete', label: 'Delete user', description: 'Deletes a user, their subscriptions and memberships.',
    params: [p('id', 'User ID', 'id', req)],
  },
  objects_set: {
    type: 'objects_set', label: 'Set object', description: 'Creates or updates an object in a collection.',
    params: [
      p('collection', 'Collection', 'collection', req), p('id', 'Object ID', 'id', req), p('name', 'Name', 'text'),
      p('custom_properties', 'Custom properties', 'custom_properties'),
    ],
  },
  objects_delete: {
    type: 'objects_delete', label: 'Delete object', description: 'Deletes an object and its subscriptions.',
    params: [p('collection', 'Collection', 'collection', req), p('id', 'Object ID', 'id', req)],
  },
  tenants_set: {
    type: 'tenants_set', label: 'Set tenant', description: 'Creates or updates a tenant.',
    params: [
      p('id', 'Tenant ID', 'id', req), p('name', 'Name', 'text'),
      p('settings', 'Settings', 'object', { help: '{"branding": {"logo_url": …, "primary_color": …}}' }),
      p('custom_properties', 'Custom properties', 'custom_properties'),
    ],
  },
  tenants_delete: {
    type: 'tenants_delete', label: 'Delete tenant', description: 'Deletes a tenant.',
    params: [p('id', 'Tenant ID', 'id', req)],
  },
  objects_subscribe: {
    type: 'objects_subscribe', label: 'Subscribe to object', description: 'Subscribes recipients to an object.',
    params: [
      p('collection', 'Collection', 'collection', { ...req, help: COLLECTION_HELP }),
      p('object_id', 'Object ID', 'id', req),
      p('recipients', 'Recipients', 'recipients', { ...req, max: L.subscriptionRecipients }),
      p('properties', 'Subscription properties', 'object'),
    ],
  },
  objects_unsubscribe: {
    type: 'objects_unsubscribe', label: 'Unsubscribe from object', description: 'Removes recipients’ subscriptions.',
    params: [
      p('collection', 'Collection', 'collection', { ...req, help: COLLECTION_HELP }),
      p('object_id', 'Object ID', 'id', req),
      p('recipients', 'Recipients', 'recipients', { ...req, max: L.subscriptionRecipients }),
    ],
  },
  audiences_add_member: {
    type: 'audiences_add_member', label: 'Add audience member', description: 'Adds users to an audience (created if absent).',
    params: [
      p('key', 'Audience key', 'audience_key', req),
      p('user_id', 'User ID', 'users', { ...req, max: L.audienceMembers, help: 'One user id or a list.' }),
      p('tenant', 'Tenant ID', 'id'),
    ],
  },
  audiences_remove_member: {
    type: 'audiences_remove_member', label: 'Remove audience member', description: 'Removes users from an audience.',
    params: [
      p('key', 'Audience key', 'audience_key', req),
      p('user_id', 'User ID', 'users', { ...req, max: L.audienceMembers, help: 'One user id or a list.' }),
      p('tenant', 'Tenant ID', 'id'),
    ],
  },
  workflows_cancel: {
    type: 'workflows_cancel', label: 'Cancel workflow', description: 'Cancels active runs with a cancellation key.',
    params: [
      p('key', 'Workflow', 'workflow_key', req),
      p('cancellation_key', 'Cancellation key', 'text', { ...req, max: L.cancellationKeyLength }),
      p('recipients', 'Recipients', 'recipients', { max: L.cancelRecipients, help: 'Leave empty to cancel for all.' }),
    ],
  },
  workflows_trigger: {
    type: 'workflows_trigger', label: 'Trigger workflow', description: 'Starts a workflow run per recipient.',
    params: [
      p('key', 'Workflow', 'workflow_key', req),
      p('recipients', 'Recipients', 'recipients', { ...req, max: L.triggerRecipients }),
      // Required in Knock's source mapping editor (integrations/sources: "Trigger workflow" fields).
      p('data', 'Data', 'object', req), p('actor', 'Actor', 'recipient'), p('tenant', 'Tenant', 'tenant'),
      p('cancellation_key', 'Cancellation key', 'text', { max: L.cancellationKeyLength }),
    ],
  },
};

const Id = z.string().min(1);
const Props = z.record(z.string(), z.unknown());

/** A recipient after coercion: `{collection: '$users', id: 'sam'}`; `properties` when given inline. */
export const RecipientRefSchema = z.object({ id: Id, collection: Id, properties: Props.optional() });
export type RecipientRef = z.infer<typeof RecipientRefSchema>;
export const USERS_COLLECTION = '$users';
export const TENANTS_COLLECTION = '$tenants';

/** A tenant reference: an id, or an inline tenant to upsert first. */
export const TenantRefSchema = z.union([Id, z.object({ id: Id, properties: Props })]);
export type TenantRef = z.infer<typeof TenantRefSchema>;

const recipients = (max: number) => z.array(RecipientRefSchema).min(1).max(max);
const users = z
  .array(RecipientRefSchema.refine((r) => r.collection === USERS_COLLECTION, 'audience members are users'))
  .min(1)
  .max(L.audienceMembers);
const cancellationKey = z.string().min(1).max(L.cancellationKeyLength);
const text = z.string().optional();
/** Custom properties are merged next to the named fields, as in Knock's REST bodies. */
const entity = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(z.unknown());

/** The resolved, coerced parameters of each action: the second validation of a mapping. */
export const ResolvedParamsSchemas = {
  users_identify: entity({ id: Id, name: text, email: text, phone_number: text, avatar: text, locale: text, timezone: text }),
  users_delete: z.object({ id: Id }),
  objects_set: entity({ collection: Id, id: Id, name: text }),
  objects_delete: z.object({ collection: Id, id: Id }),
  tenants_set: entity({ id: Id, name: text, settings: z.object({ branding: Props.optional() }).catchall(z.unknown()).optional() }),
  tenants_delete: z.object({ id: Id }),
  objects_subscribe: z.object({
    collection: Id, object_id: Id, recipients: recipients(L.subscriptionRecipients), properties: Props.optional(),
  }),
  objects_unsubscribe: z.object({ collection: Id, object_id: Id, recipients: recipients(L.subscriptionRecipients) }),
  audiences_add_member: z.object({ key: Id, user_id: users, tenant: Id.optional() }),
  audiences_remove_member: z.object({ key: Id, user_id: users, tenant: Id.optional() }),
  workflows_cancel: z.object({ key: Id, cancellation_key: cancellationKey, recipients: recipients(L.cancelRecipients).optional() }),
  workflows_trigger: z.object({
    key: Id,
    recipients: recipients(L.triggerRecipients),
    data: Props,
    actor: RecipientRefSchema.optional(),
    tenant: TenantRefSchema.optional(),
    cancellation_key: cancellationKey.optional(),
  }),
} as const satisfies Record<ActionType, z.ZodType>;

/** What the executor receives for an action of type `A`. */
export type ResolvedParams<A extends ActionType> = z.output<(typeof ResolvedParamsSchemas)[A]>;
