import { z } from 'zod';

const tunnelFields = {
  /** A localtunnel server: the public service or a self-hosted one. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** Ask the server for this subdomain, for a URL that stays the same between runs. */
  subdomain: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'lower-case letters, digits and "-", 3 to 63 characters')
    .nullable(),
  startOnLaunch: z.boolean(),
  /**
   * `host:port` to connect to instead of resolving the tunnel's public hostname — for a
   * self-hosted server without wildcard DNS (the server still routes by the Host header).
   */
  connectAddress: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'host:port')
    .nullable(),
};
const retentionFields = {
  maxAgeDays: z.number().int().min(1).max(3650).nullable(),
  maxEvents: z.number().int().min(100).max(100_000_000).nullable(),
};

/** Where the tunnel connects, and how (SPEC §8). */
export const TunnelSettingsSchema = z.object({
  serverUrl: tunnelFields.serverUrl.default('https://localtunnel.me'),
  subdomain: tunnelFields.subdomain.default(null),
  startOnLaunch: tunnelFields.startOnLaunch.default(false),
  connectAddress: tunnelFields.connectAddress.default(null),
});
export type TunnelSettings = z.infer<typeof TunnelSettingsSchema>;
/** A change to some tunnel settings: no defaults, so what is left out stays as it is. */
export const TunnelSettingsPatchSchema = z.object(tunnelFields).partial();

/** How much of the log to keep; null turns a limit off. Pruned in the background. */
export const RetentionSettingsSchema = z.object({
  maxAgeDays: retentionFields.maxAgeDays.default(30),
  maxEvents: retentionFields.maxEvents.default(1_000_000),
});
export const RetentionSettingsPatchSchema = z.object(retentionFields).partial();

export const AppSettingsSchema = z.object({
  tunnel: TunnelSettingsSchema.default(TunnelSettingsSchema.parse({})),
  retention: RetentionSettingsSchema.default(RetentionSettingsSchema.parse({})),
  notifications: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

export const TunnelStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped') }),
  z.object({ state: z.literal('starting'), serverUrl: z.string() }),
  z.object({
    state: z.literal('up'),
    url: z.string(),
    /** Set when the URL differs from the last one that was up: providers must be re-pointed. */
    previousUrl: z.string().optional(),
    since: z.number().int(),
  }),
  z.object({
    state: z.literal('reconnecting'),
    attempt: z.number().int(),
    nextTryAt: z.number().int(),
    reason: z.string(),
    lastUrl: z.string().optional(),
  }),
  z.object({ state: z.literal('error'), reason: z.string() }),
]);
export type TunnelStatus = z.infer<typeof TunnelStatusSchema>;
