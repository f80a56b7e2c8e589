/** What the two PostHog templates share: brand, docs, the sample person and the trigger condition. */
import type { Condition } from '../../../shared/expr/schema';
import { monogram } from './define';

export const POSTHOG_BRAND = monogram('PH', '#F54E00');
export const POSTHOG_DOCS = [{ label: 'PostHog destinations', url: 'https://posthog.com/docs/cdp/destinations' }];

export const PERSON = {
  id: '018f9a2b-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
  distinctId: 'grace@example.com',
  set: { email: 'grace@example.com', name: 'Grace Hopper', plan: 'startup' },
};

/** Every event but the identify calls, which have their own mapping. */
export const notIdentifyEvent = (path: string): Condition => ({
  op: 'all',
  conditions: [
    { path, op: 'not_equals', value: '$identify' },
    { path, op: 'not_equals', value: '$set' },
  ],
});
