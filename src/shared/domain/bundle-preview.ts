import { z } from 'zod';

/** What happens to one item of a bundle on import. */
export const BundleActionSchema = z.enum(['create', 'rename', 'replace', 'skip']);
export type BundleAction = z.infer<typeof BundleActionSchema>;

export const BundlePreviewItemSchema = z.object({
  /** Stable within the file: `source:stripe`, `workflow:development/order-placed`, `fixture:stripe/Paid`… */
  ref: z.string(),
  kind: z.enum(['environment', 'source', 'workflow', 'destination', 'fixture', 'events', 'workspace']),
  label: z.string(),
  /** Something with this key is already here. */
  exists: z.boolean(),
  /** What the user may choose for it. */
  actions: z.array(BundleActionSchema),
  /** What happens unless chosen otherwise. */
  action: BundleActionSchema,
  note: z.string().nullable(),
});
export type BundlePreviewItem = z.infer<typeof BundlePreviewItemSchema>;

export const BundlePreviewSchema = z.object({
  exportedAt: z.number().int(),
  inletVersion: z.string(),
  redacted: z.boolean(),
  /** `sealed`: the secrets need the passphrase; `plain`: a version-1 file with secrets in clear. */
  secrets: z.enum(['none', 'sealed', 'plain']),
  /** Preprocess scripts in the file: they arrive off until approved. */
  scripts: z.array(z.object({ source: z.string(), environment: z.string() })),
  items: z.array(BundlePreviewItemSchema),
});
export type BundlePreview = z.infer<typeof BundlePreviewSchema>;

/** Rows of one kind of a workspace snapshot whose id was already here, on import. */
export const WorkspaceConflictSchema = z.object({
  kind: z.enum(['users', 'objects', 'tenants', 'subscriptions']),
  /** Replace was chosen for the kind (the file's rows took their place), else they were kept. */
  action: z.enum(['replaced', 'kept']),
  count: z.number().int(),
  ids: z.array(z.string()),
});
export type WorkspaceConflict = z.infer<typeof WorkspaceConflictSchema>;

export const BundleImportReportSchema = z.object({
  created: z.array(z.object({ key: z.string(), id: z.string() })),
  replaced: z.array(z.object({ key: z.string(), id: z.string() })),
  skipped: z.array(z.object({ key: z.string(), reason: z.string() })),
  awaitingApproval: z.array(z.object({ sourceId: z.string(), key: z.string(), environment: z.string() })),
  warnings: z.array(z.string()),
  counts: z.object({ mappings: z.number().int(), workflows: z.number().int(), fixtures: z.number().int(), destinations: z.number().int(), events: z.number().int() }),
  /** The imported events' new ids, oldest first: replay them to run the mappings. */
  eventIds: z.array(z.number().int()),
  /** Per environment whose workspace snapshot was imported: rows added, replaced and kept as they were here. */
  workspace: z.array(z.object({
    environment: z.string(),
    created: z.object({ users: z.number().int(), objects: z.number().int(), tenants: z.number().int(), subscriptions: z.number().int(), audienceMembers: z.number().int() }),
    replaced: z.number().int(),
    skipped: z.number().int(),
    /** Per kind, the rows whose id was already here: what became of them and which ids (the first 50). */
    conflicts: z.array(WorkspaceConflictSchema).default([]),
  })).optional(),
});
export type BundleImportReport = z.infer<typeof BundleImportReportSchema>;
