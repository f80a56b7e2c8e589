import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../../../shared/domain/mapping';
import { asTextSource, keyOptions, NO_KEYS, textSuggestion } from './key-options';

const mapping = (params: Record<string, string>): Mapping => ({
  id: 'map_1', sourceId: 'src_1', eventType: 'x', actionType: 'workflows_trigger', params, activeIn: [], position: 0, createdAt: 1, updatedAt: 1,
});

describe('textSuggestion', () => {
  it('offers a bare word that is not a namespace as text', () => {
    expect(textSuggestion('invoice-paid')).toBe('invoice-paid');
    expect(textSuggestion(' welcome ')).toBe('welcome');
  });

  it('offers nothing for paths, literals, empty input or other syntax errors', () => {
    expect(textSuggestion('body.data.id')).toBeNull();
    expect(textSuggestion('"invoice-paid"')).toBeNull();
    expect(textSuggestion('')).toBeNull();
    expect(textSuggestion('body.')).toBeNull();
    expect(textSuggestion('{"a": x}')).toBeNull();
  });

  it('writes the text as a string literal the parser accepts', () => {
    expect(asTextSource('invoice-paid')).toBe('"invoice-paid"');
  });
});

describe('keyOptions', () => {
  it('merges workspace names with constants other mappings use, sorted and once each', () => {
    const ws = { ...NO_KEYS, workflow_key: ['welcome', 'invoice-paid'] };
    const maps = [mapping({ key: '"invoice-paid"' }), mapping({ key: '"trial-ending"' }), mapping({ key: 'body.type' })];
    expect(keyOptions('workflow_key', 'key', ws, maps)).toEqual(['invoice-paid', 'trial-ending', 'welcome']);
  });

  it('offers the keys other mappings use in one environment only', () => {
    const prodOnly = { ...mapping({ key: '"welcome"' }), overrides: { production: { key: '"welcome-prod"' } } };
    expect(keyOptions('workflow_key', 'key', NO_KEYS, [prodOnly])).toEqual(['welcome', 'welcome-prod']);
  });

  it('always offers the tenants collection', () => {
    expect(keyOptions('collection', 'collection', NO_KEYS, [])).toEqual(['$tenants']);
  });
});
