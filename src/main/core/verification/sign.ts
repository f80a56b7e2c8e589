import { createHmac } from 'node:crypto';
import type { HmacScheme, VerificationConfig } from '../../../shared/domain/verification';
import { decodeSecret } from './secrets';
import { compileTemplate, feedContent } from './signed-content';

export interface SignRequestInput {
  config: VerificationConfig;
  /** The secret as configured (e.g. `whsec_…`, `v1,whsec_…`, `user:password`). */
  secret: string;
  body: Buffer | string;
  /** Signing time, ms since the epoch. */
  now: number;
  method?: string;
  /** Path and query the request will be sent to, when the scheme signs `{url}`. */
  url?: string;
  /** Message id for schemes that sign `{id}`; derived from `now` when absent. */
  id?: string;
}

function keyOf(secret: string, encoding: HmacScheme['secretEncoding']): Buffer {
  const key = decodeSecret(secret, encoding);
  if (!key) throw new Error(`The secret can't be used as a ${encoding === 'raw' ? '' : `${encoding} `}HMAC key.`);
  return key;
}

function signHmac(config: HmacScheme, input: SignRequestInput, body: Buffer): Record<string, string> {
  const timestamp = String(config.timestampUnit === 's' ? Math.floor(input.now / 1000) : input.now);
  const id = input.id ?? `msg_${input.now}`;
  const template = compileTemplate(config.signedContent);
  const values = { id, timestamp, method: input.method ?? 'POST', url: input.url ?? '/' };
  const hmac = createHmac(config.algorithm, keyOf(input.secret, config.secretEncoding));
  const signature = feedContent(hmac, template, values, body).digest(config.encoding);

  const headers: Record<string, string> = {};
  if (config.format === 'plain') headers[config.signatureHeader] = `${config.signaturePrefix}${signature}`;
  else {
    const pairs = [`${config.signatureKey}=${signature}`];
    if (config.timestamp?.from === 'signature') pairs.unshift(`${config.timestamp.key}=${timestamp}`);
    headers[config.signatureHeader] = pairs.join(config.pairSeparator);
  }
  if (config.timestamp?.from === 'header') headers[config.timestamp.header] = timestamp;
  if (template.variables.includes('id')) headers[config.idHeader ?? 'webhook-id'] = id;
  return headers;
}

/**
 * The headers a provider would add to `body` under `config`, signed with `secret` at `now`: what
 * "Send test event" uses to push a sample through the real receiver. Lower-cased header names.
 * Throws when the secret can't be a key for the scheme (e.g. not base64 where base64 is required).
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const { config } = input;
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  switch (config.scheme) {
    case 'none':
      return {};
    case 'shared_secret':
      return { [config.header]: `${config.prefix}${input.secret}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(input.secret, 'utf8').toString('base64')}` };
    case 'hmac':
      return signHmac(config, input, body);
    case 'standard_webhooks': {
      const family = config.headerPrefix === 'any' ? 'webhook' : config.headerPrefix;
      const id = input.id ?? `msg_${input.now}`;
      const timestamp = String(Math.floor(input.now / 1000));
      const hmac = createHmac('sha256', keyOf(input.secret, 'whsec'));
      const signature = hmac.update(`${id}.${timestamp}.`, 'utf8').update(body).digest('base64');
      return { [`${family}-id`]: id, [`${family}-timestamp`]: timestamp, [`${family}-signature`]: `v1,${signature}` };
    }
  }
}
