import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshotFile } from './snapshot-file';

const dir = mkdtempSync(join(tmpdir(), 'inlet-snapshot-'));
const file = join(dir, 'schema.snapshot.sql');
afterEach(() => rmSync(file, { force: true }));

describe('readSnapshotFile', () => {
  it('fails on a missing snapshot instead of writing it, in CI or not', () => {
    for (const env of [{}, { CI: 'true' }, { CI: 'true', UPDATE_X: '1' }]) {
      expect(() => readSnapshotFile(file, 'new', 'UPDATE_X', env)).toThrow('schema.snapshot.sql is missing: run the test with UPDATE_X=1');
      expect(existsSync(file)).toBe(false);
    }
  });

  it('returns the recorded text, not the current one, unless asked to update', () => {
    writeFileSync(file, 'recorded');
    expect(readSnapshotFile(file, 'current', 'UPDATE_X', {})).toBe('recorded');
    expect(readSnapshotFile(file, 'current', 'UPDATE_X', { UPDATE_X: '1' })).toBe('current');
    expect(readFileSync(file, 'utf8')).toBe('current');
  });
});
