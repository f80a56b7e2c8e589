/**
 * Signers for providers that publish no signing code: each follows the provider's documented
 * algorithm with node:crypto (reference/providers.md), written independently of the engine.
 */
import { createHmac } from 'node:crypto';
import type { SdkSigner } from './sdk-signers';

const JSON_TYPE = { 'content-type': 'application/json' };
const bodyOf = (payload: unknown): string => (typeof payload === 'string' ? payload : JSON.stringify(payload));
const hmac = (algorithm: string, secret: string, content: string, encoding: 'hex' | 'base64') =>
  createHmac(algorithm, secret).update(content, 'utf8').digest(encoding);
const unix = (ms: number) => String(Math.floor(ms / 1000));

export const documentedSigners = {
  linear: async ({ payload, secret }) => {
    const body = bodyOf(payload);
    return { headers: { ...JSON_TYPE, 'linear-signature': hmac('sha256', secret, body, 'hex') }, body };
  },
  paddle: async ({ payload, secret, timestamp }) => {
    const body = bodyOf(payload);
    const ts = unix(timestamp);
    return { headers: { ...JSON_TYPE, 'paddle-signature': `ts=${ts};h1=${hmac('sha256', secret, `${ts}:${body}`, 'hex')}` }, body };
  },
  calendly: async ({ payload, secret, timestamp }) => {
    const body = bodyOf(payload);
    const t = unix(timestamp);
    return { headers: { ...JSON_TYPE, 'calendly-webhook-signature': `t=${t},v1=${hmac('sha256', secret, `${t}.${body}`, 'hex')}` }, body };
  },
  typeform: async ({ payload, secret }) => {
    const body = bodyOf(payload);
    return { headers: { ...JSON_TYPE, 'typeform-signature': `sha256=${hmac('sha256', secret, body, 'base64')}` }, body };
  },
  'lemon-squeezy': async ({ payload, secret }) => {
    const body = bodyOf(payload);
    return { headers: { ...JSON_TYPE, 'x-signature': hmac('sha256', secret, body, 'hex') }, body };
  },
  intercom: async ({ payload, secret }) => {
    const body = bodyOf(payload);
    return { headers: { ...JSON_TYPE, 'x-hub-signature': `sha1=${hmac('sha1', secret, body, 'hex')}` }, body };
  },
  zoom: async ({ payload, secret, timestamp }) => {
    const body = bodyOf(payload);
    const ts = String(timestamp);
    return {
      headers: { ...JSON_TYPE, 'x-zm-request-timestamp': ts, 'x-zm-signature': `v0=${hmac('sha256', secret, `v0:${ts}:${body}`, 'hex')}` },
      body,
    };
  },
} as const satisfies Record<string, SdkSigner>;

export type DocumentedPresetId = keyof typeof documentedSigners;
