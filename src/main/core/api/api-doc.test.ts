import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { readSnapshotFile } from '../testing/snapshot-file';
import { renderApiDoc } from './api-doc';

const DOC = resolve(__dirname, '../../../../docs/api.md');

describe('docs/api.md', () => {
  it('matches the contract it documents', () => {
    const expected = renderApiDoc();
    expect(readSnapshotFile(DOC, expected, 'UPDATE_API_DOC')).toBe(expected);
  });

  it('documents every method with its summary', () => {
    const doc = renderApiDoc();
    for (const [method, entry] of Object.entries(contract)) {
      expect(doc).toContain(`### \`${method}\``);
      expect(doc).toContain(entry.summary);
    }
  });

  it('describes each shared shape once, under Types, and every name the methods use has its section', () => {
    const doc = renderApiDoc();
    // A dozen methods return a Source: its shape is written once and named everywhere else.
    const source = /^### `Source`\n\n```ts\n([\s\S]*?)```/m.exec(doc)?.[1] ?? '';
    expect(source).toContain('templateVersion: string;');
    expect(doc.split(source).length - 1).toBe(1);
    expect(doc.split('```ts\nSource\n```').length - 1).toBeGreaterThan(5);
    const sections = new Set([...doc.slice(doc.indexOf('## Types')).matchAll(/^### `(\w+)`$/gm)].map((m) => m[1]));
    const code = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/"[^"]*"/g, '').replace(/\/\/.*$/gm, '')).join('\n');
    const names = new Set([...code.matchAll(/\b([A-Z]\w*)\b/g)].map((m) => m[1]!).filter((n) => n !== 'Array' && n !== 'Record'));
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((n) => !sections.has(n))).toEqual([]);
  });
});
