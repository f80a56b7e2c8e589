import type { EventDetail, EventSummary } from '../../../shared/domain/event';
import type { Source } from '../../../shared/domain/source';

/** Realistic contract values for renderer tests. */
export const summary = (over: Partial<EventSummary> = {}): EventSummary => ({
  id: 1,
  receivedAt: 1_700_000_000_000,
  sourceId: 'src_1',
  environment: 'development',
  method: 'POST',
  path: '/in/tok',
  contentType: 'application/json',
  bodySize: 42,
  eventType: 'customer.created',
  idempotencyKey: null,
  verification: 'verified',
  responseStatus: 200,
  error: null,
  processing: 'done',
  actionStatus: null,
  origin: 'received',
  replayMode: null,
  replayOf: null,
  ...over,
});

export const detail = (over: Partial<EventDetail> = {}): EventDetail => ({
  ...summary(),
  headers: [['content-type', 'application/json']],
  query: '',
  bodyText: '{"type":"customer.created"}',
  bodyBase64: 'eyJ0eXBlIjoiY3VzdG9tZXIuY3JlYXRlZCJ9',
  parsedBody: { type: 'customer.created' },
  parseError: null,
  verificationResult: { status: 'verified', scheme: 'hmac' },
  remoteAddress: '127.0.0.1',
  preprocessOutput: null,
  actionRuns: [],
  ...over,
});

export const source = (over: Partial<Source> = {}): Source => ({
  id: 'src_1',
  key: 'stripe-test',
  name: 'Stripe test',
  templateId: 'custom',
  templateVersion: '1',
  createdAt: 1_700_000_000_000,
  settings: [
    {
      environment: 'development',
      endpointToken: 'tok_dev',
      enabled: true,
      verification: { scheme: 'none' },
      secrets: [],
      eventTypePath: 'body.type',
      timestampPath: null,
      idempotencyKeyPath: null,
      enforceVerification: false,
      preprocess: null,
      vars: [],
    },
  ],
  ...over,
});
