import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseServeArgs } from './cli-args';

const options = (argv: string[], env: Record<string, string> = {}) => {
  const r = parseServeArgs(argv, env);
  if (r.kind !== 'options') throw new Error(`expected options, got ${JSON.stringify(r)}`);
  return r.options;
};

describe('parseServeArgs', () => {
  it('uses the documented defaults when no flag is given', () => {
    const o = options([], { XDG_CONFIG_HOME: '/cfg' });
    expect(o).toMatchObject({ receiverHost: '127.0.0.1', receiverPort: 4750, controlPort: 4751, token: undefined });
  });

  it('accepts "--flag value" and "--flag=value" forms', () => {
    const o = options(['--data-dir', '/d', '--receiver-port=0', '--control-port', '0', '--token=abcdefghijklmnopq']);
    expect(o).toEqual({ dataDir: '/d', receiverHost: '127.0.0.1', receiverPort: 0, controlPort: 0, token: 'abcdefghijklmnopq' });
  });

  it('falls back to INLET_DATA_DIR and INLET_TOKEN', () => {
    const o = options([], { INLET_DATA_DIR: '/env-dir', INLET_TOKEN: 'from-env-0123456789' });
    expect(o.dataDir).toBe('/env-dir');
    expect(o.token).toBe('from-env-0123456789');
  });

  it('lets a flag win over the environment', () => {
    expect(options(['--data-dir', '/flag'], { INLET_DATA_DIR: '/env' }).dataDir).toBe('/flag');
  });

  it.each([
    [['--nope'], 'unknown option "--nope"'],
    [['--receiver-port', 'abc'], '--receiver-port expects a port number'],
    [['--control-port', '70000'], '--control-port expects a port number'],
    [['--data-dir'], '--data-dir needs a value'],
    [['--data-dir', '--token', 'x'], '--data-dir needs a value'],
    [['--token', 'short'], 'at least 16 characters'],
  ])('rejects %j with a message naming the problem', (argv, message) => {
    const r = parseServeArgs(argv, {});
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toContain(message);
  });

  it('answers --help before anything else', () => {
    expect(parseServeArgs(['--bogus', '--help'], {}).kind).toBe('error');
    expect(parseServeArgs(['--help', '--bogus'], {}).kind).toBe('help');
  });
});

describe('defaultDataDir', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Inlet');
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Inlet');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Inlet');
    expect(defaultDataDir({ APPDATA: 'C:\\AppData' }, 'win32', 'C:\\u')).toContain('Inlet');
  });

  it('reads the ways out of a damaged database, one at a time', () => {
    expect(options(['--start-fresh']).recovery).toEqual({ kind: 'start-fresh' });
    expect(options(['--export-readable', 'out.jsonl']).recovery).toEqual({ kind: 'export-readable', file: 'out.jsonl' });
    expect(parseServeArgs(['--start-fresh', '--export-readable=x'], {})).toMatchObject({ kind: 'error', message: expect.stringMatching(/pick one/) });
  });
});
