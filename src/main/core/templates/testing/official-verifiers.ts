/**
 * Each provider's own verifier, fed a delivery Inlet built: the check that "send test event" signs
 * as the provider does. Providers without an official verifier are absent. Test-only.
 */
import '@shopify/shopify-api/adapters/web-api';
import { Signature as HubspotSignature } from '@hubspot/api-client';
import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { verify as githubVerify } from '@octokit/webhooks-methods';
import { Paddle } from '@paddle/paddle-node-sdk';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { verifySlackRequest } from '@slack/bolt';
import { WorkOS } from '@workos-inc/node';
import { AwsLambdaReceiver } from '@zoom/rivet/users';
import { WebhooksHelper } from 'square';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import twilio from 'twilio';
import type { TestDelivery } from '../test-delivery';

/** Resolves true when the provider's verifier accepts the delivery (throwing counts as refusing). */
export type OfficialVerifier = (delivery: TestDelivery, secret: string) => Promise<boolean>;

const text = (d: TestDelivery) => d.body.toString('utf8');
const header = (d: TestDelivery, name: string) => d.headers[name] ?? '';
const accepts = async (check: () => unknown): Promise<boolean> => {
  try {
    const result = await check();
    return result !== false;
  } catch {
    return false;
  }
};
const asRequest = (d: TestDelivery) => new Request(d.url, { method: 'POST', headers: d.headers, body: text(d) });
const standardWebhooks = (strip: (s: string) => string): OfficialVerifier => async (d, secret) =>
  accepts(() => new StandardWebhook(strip(secret)).verify(text(d), d.headers));

const shopify = shopifyApi({
  apiKey: 'key', apiSecretKey: 'placeholder', scopes: [], hostName: 'localhost', apiVersion: ApiVersion.October25,
  isEmbeddedApp: false, logger: { level: LogSeverity.Error, log: async () => {} },
});

async function zoom(d: TestDelivery, secret: string): Promise<boolean> {
  type LambdaEvent = Parameters<ReturnType<AwsLambdaReceiver['start']>>[0];
  type LambdaContext = Parameters<ReturnType<AwsLambdaReceiver['start']>>[1];
  const handler = new AwsLambdaReceiver({ webhooksSecretToken: secret }).start();
  const event = { body: text(d), headers: d.headers, isBase64Encoded: false } as unknown as LambdaEvent;
  const answer = (await handler(event, {} as LambdaContext)) as { statusCode: number };
  return answer.statusCode === 200;
}

export const officialVerifiers: Record<string, { name: string; verify: OfficialVerifier }> = {
  stripe: { name: 'stripe webhooks.constructEvent', verify: async (d, s) => accepts(() => new Stripe('sk_test_dummy').webhooks.constructEvent(text(d), header(d, 'stripe-signature'), s)) },
  // @clerk/backend and resend are not installed here; both verify with Svix's library, used directly.
  clerk: { name: 'svix Webhook.verify (what Clerk verifyWebhook wraps)', verify: async (d, s) => accepts(() => new SvixWebhook(s).verify(text(d), d.headers)) },
  resend: { name: 'svix Webhook.verify (what resend webhooks.verify wraps)', verify: async (d, s) => accepts(() => new SvixWebhook(s).verify(text(d), d.headers)) },
  'standard-webhooks': { name: 'standardwebhooks Webhook.verify', verify: standardWebhooks((s) => s) },
  'supabase-auth-hook': { name: 'standardwebhooks Webhook.verify (v1,whsec_ stripped)', verify: standardWebhooks((s) => s.replace(/^v1,whsec_/, '')) },
  workos: {
    name: 'WorkOS webhooks.verifyHeader',
    verify: async (d, s) => accepts(() => new WorkOS('sk_test_dummy').webhooks.verifyHeader({ payload: JSON.parse(text(d)), sigHeader: header(d, 'workos-signature'), secret: s })),
  },
  github: { name: '@octokit/webhooks-methods verify', verify: async (d, s) => accepts(() => githubVerify(s, text(d), header(d, 'x-hub-signature-256'))) },
  shopify: {
    name: 'shopify webhooks.validate',
    verify: async (d, s) => {
      shopify.config.apiSecretKey = s;
      const result = await shopify.webhooks.validate({ rawBody: text(d), rawRequest: asRequest(d) });
      return result.valid;
    },
  },
  slack: {
    name: '@slack/bolt verifySlackRequest',
    verify: async (d, s) => accepts(() => verifySlackRequest({
      signingSecret: s, body: text(d), headers: { 'x-slack-signature': header(d, 'x-slack-signature'), 'x-slack-request-timestamp': Number(header(d, 'x-slack-request-timestamp')) },
    })),
  },
  twilio: {
    name: 'twilio validateRequest',
    verify: async (d, s) => twilio.validateRequest(s, header(d, 'x-twilio-signature'), d.url, Object.fromEntries(new URLSearchParams(text(d)))),
  },
  linear: { name: '@linear/sdk LinearWebhookClient.verify', verify: async (d, s) => accepts(() => new LinearWebhookClient(s).verify(d.body, header(d, 'linear-signature'))) },
  paddle: { name: 'paddle webhooks.unmarshal', verify: async (d, s) => accepts(() => new Paddle('pdl_sdbx_apikey_dummy').webhooks.unmarshal(text(d), s, header(d, 'paddle-signature'))) },
  square: {
    name: 'square WebhooksHelper.verifySignature',
    verify: async (d, s) => WebhooksHelper.verifySignature({ requestBody: text(d), signatureHeader: header(d, 'x-square-hmacsha256-signature'), signatureKey: s, notificationUrl: d.url }),
  },
  hubspot: {
    name: '@hubspot/api-client Signature.isValid',
    verify: async (d, s) => HubspotSignature.isValid({
      signatureVersion: 'v3', method: 'POST', clientSecret: s, requestBody: text(d), url: d.url,
      signature: header(d, 'x-hubspot-signature-v3'), timestamp: Number(header(d, 'x-hubspot-request-timestamp')),
    }),
  },
  sendgrid: {
    name: '@sendgrid/eventwebhook verifySignature',
    verify: async (d, publicKey) => {
      const ew = new EventWebhook();
      return ew.verifySignature(ew.convertPublicKeyToECDSA(publicKey), text(d), header(d, 'x-twilio-email-event-webhook-signature'), header(d, 'x-twilio-email-event-webhook-timestamp'));
    },
  },
  zoom: { name: '@zoom/rivet AwsLambdaReceiver', verify: zoom },
};
