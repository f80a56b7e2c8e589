import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../shared/api/result';
import { describeError } from './errors';

describe('describeError', () => {
  it('says a conflict once, in the host’s words', () => {
    const error = new ApiCallError({ code: 'conflict', message: 'A source with key "stripe" already exists' });
    expect(describeError(error)).toBe('A source with key "stripe" already exists');
  });

  it('prefixes other failures with what kind they are', () => {
    expect(describeError(new ApiCallError({ code: 'not_found', message: 'No source src_1' }))).toBe('Not found: No source src_1');
  });
});
