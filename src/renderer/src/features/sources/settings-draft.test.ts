import { describe, expect, it } from 'vitest';
import { source } from '../../test/fixtures';
import { draftPathsValid, sameDraft, settingsDraftOf, settingsPatchOf } from './settings-draft';

const settings = source().settings[0]!;

describe('settings draft', () => {
  it('turns empty optional paths and an empty script into "off"', () => {
    const draft = { ...settingsDraftOf(settings), timestampPath: '  ', script: '' };
    expect(settingsPatchOf(draft)).toEqual({ eventTypePath: 'body.type', timestampPath: null, idempotencyKeyPath: null, preprocess: null });
  });

  it('cannot be saved while a path does not parse', () => {
    expect(draftPathsValid({ ...settingsDraftOf(settings), idempotencyKeyPath: 'body.[' })).toBe(false);
    expect(draftPathsValid({ ...settingsDraftOf(settings), idempotencyKeyPath: 'body.id' })).toBe(true);
  });

  it('is unchanged when only whitespace around an optional path differs', () => {
    expect(sameDraft(settingsDraftOf(settings), { ...settingsDraftOf(settings), timestampPath: ' ' })).toBe(true);
  });

  it('leaves an unchanged script out, so saving a path never approves an imported script', () => {
    const imported = { ...settings, preprocess: { script: 'function main() { return {}; }', enabled: false, approved: false } };
    const saved = settingsDraftOf(imported);
    expect(settingsPatchOf({ ...saved, eventTypePath: 'body.kind' }, saved)).toEqual({ eventTypePath: 'body.kind', timestampPath: null, idempotencyKeyPath: null });
    expect(settingsPatchOf({ ...saved, script: 'function main() { return { verified: true }; }' }, saved)).toMatchObject({ preprocess: { script: 'function main() { return { verified: true }; }' } });
  });
});
