import { describe, expect, it } from 'vitest';
import { parseShellArgs } from './args';

describe('shell arguments', () => {
  it('takes the data dir from --data-dir before INLET_DATA_DIR', () => {
    expect(parseShellArgs(['--data-dir', '/a'], { INLET_DATA_DIR: '/b' }).dataDir).toBe('/a');
    expect(parseShellArgs(['--data-dir=/a'], {}).dataDir).toBe('/a');
    expect(parseShellArgs([], { INLET_DATA_DIR: '/b' }).dataDir).toBe('/b');
    expect(parseShellArgs([], {}).dataDir).toBeUndefined();
  });

  it('reads the Electron-ABI sqlite binding from the environment', () => {
    expect(parseShellArgs([], { INLET_SQLITE_BINDING: '/c/b.node' }).sqliteNativeBinding).toBe('/c/b.node');
  });

  it('rejects a receiver port that is not a port', () => {
    expect(parseShellArgs(['--receiver-port', '0'], {}).receiverPort).toBe(0);
    expect(() => parseShellArgs(['--receiver-port', '70000'], {})).toThrow(/invalid port/);
  });
});
