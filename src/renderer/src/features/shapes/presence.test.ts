import { describe, expect, it } from 'vitest';
import { insertablePath, presenceLabel, typesLabel } from './presence';

describe('field presence labels', () => {
  it('says how often a field was present, never rounding a missing one up to 100%', () => {
    expect(presenceLabel({ seen: 1180 }, 1204)).toBe('present in 98% of 1,204 events');
    expect(presenceLabel({ seen: 1203 }, 1204)).toBe('present in 99% of 1,204 events');
    expect(presenceLabel({ seen: 1 }, 1)).toBe('present in 100% of 1 event');
  });

  it('orders types by when they were last seen and reads array items as the first one', () => {
    expect(typesLabel({ types: [{ type: 'number', count: 1, firstSeen: 3, lastSeen: 3 }, { type: 'string', count: 2, firstSeen: 1, lastSeen: 2 }] })).toBe('string → number');
    expect(insertablePath('body.items[*].sku')).toBe('body.items[0].sku');
  });
});
