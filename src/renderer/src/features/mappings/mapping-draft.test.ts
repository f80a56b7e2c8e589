import { describe, expect, it } from 'vitest';
import { draftFingerprint, fieldErrorsFromIssues, seenEventTypes, validateDraft, type MappingDraft } from './mapping-draft';

const draft = (over: Partial<MappingDraft> = {}): MappingDraft => ({
  eventType: 'user.created', actionType: 'users_identify', params: { id: 'body.id' }, activeIn: ['development'], position: 0, ...over,
});

describe('mapping drafts', () => {
  it('reports a parameter that does not parse at that parameter, with its offset', () => {
    expect(validateDraft(draft({ params: { id: 'body.items[0.id' } }), 'src_1')).toEqual({ 'params.id': 'expected "]" at 12' });
  });

  it('reports an event type with a space at the event type', () => {
    expect(validateDraft(draft({ eventType: 'user created' }), 'src_1')).toHaveProperty('eventType');
  });

  it('accepts a draft with unmapped (empty) parameters', () => {
    expect(validateDraft(draft({ params: { id: 'body.id', email: '' } }), 'src_1')).toEqual({});
  });

  it('is not dirty for an emptied optional input or reordered environments', () => {
    const a = draft({ activeIn: ['development', 'production'] });
    const b = draft({ params: { id: 'body.id', email: ' ' }, activeIn: ['production', 'development'] });
    expect(draftFingerprint(a)).toBe(draftFingerprint(b));
  });

  it('puts each issue at the editor field its path names, and the rest under _', () => {
    const issues = [
      { path: ['params', 'id'], message: 'expected "]" at 5' },
      { path: ['eventType'], message: 'no spaces in an event type' },
      { path: ['activeIn', 1], message: 'no environment "nope"' },
      { path: [], message: 'boom' },
    ];
    expect(fieldErrorsFromIssues(issues)).toEqual({
      'params.id': 'expected "]" at 5',
      eventType: 'no spaces in an event type',
      _: 'activeIn.1: no environment "nope". boom',
    });
  });

  it('lists seen event types, most frequent first', () => {
    const events = [{ eventType: 'a' }, { eventType: 'b' }, { eventType: 'b' }, { eventType: null }];
    expect(seenEventTypes(events)).toEqual(['b', 'a']);
  });
});
