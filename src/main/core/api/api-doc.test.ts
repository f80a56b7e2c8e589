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
});
