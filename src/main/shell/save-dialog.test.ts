import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/api/result';
import { withSaveDialog } from './save-dialog';

describe('withSaveDialog', () => {
  const recorder = () => {
    const calls: Array<{ method: unknown; input: unknown }> = [];
    const dispatch = async (method: unknown, input: unknown) => {
      calls.push({ method, input });
      return ok('done');
    };
    return { calls, dispatch };
  };

  it('writes an export where the user chose in the Save dialog, never where the page said', async () => {
    const { calls, dispatch } = recorder();
    const asked: string[] = [];
    const wrapped = withSaveDialog(dispatch, async (name) => (asked.push(name), '/home/me/Downloads/log.har'));
    await wrapped('exports.save', { format: 'har', path: '/etc/passwd' }, { transport: 'ipc' });
    expect(asked[0]).toMatch(/^inlet-export-\d{4}-\d\d-\d\d\.har$/);
    expect(calls).toEqual([{ method: 'exports.save', input: { format: 'har', path: '/home/me/Downloads/log.har' } }]);
  });

  it('writes nothing when the dialog is cancelled, and passes every other method through', async () => {
    const { calls, dispatch } = recorder();
    const wrapped = withSaveDialog(dispatch, async () => null);
    expect(await wrapped('exports.save', { format: 'jsonl' }, { transport: 'ipc' })).toEqual({ ok: true, value: { path: null, summary: null } });
    await wrapped('events.list', { limit: 1 }, { transport: 'ipc' });
    expect(calls).toEqual([{ method: 'events.list', input: { limit: 1 } }]);
  });
});
