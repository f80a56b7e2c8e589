import { describe, expect, it } from 'vitest';
import { configFileName, parseConfigFile } from './config-file';

const file = {
  format: 'inlet.config',
  version: 1,
  exportedAt: 1_700_000_000_000,
  environments: [{ key: 'development', name: 'Development' }],
  sources: [
    {
      key: 'stripe',
      name: 'Stripe',
      templateId: 'custom',
      templateVersion: '1',
      settings: [
        {
          environment: 'development',
          enabled: true,
          verification: { scheme: 'none' },
          eventTypePath: 'body.type',
          timestampPath: null,
          idempotencyKeyPath: null,
          enforceVerification: false,
          preprocess: { script: 'function main() { return { verified: true }; }', enabled: true },
          vars: [],
        },
      ],
      mappings: [{ eventType: 'customer.created', actionType: 'users_identify', params: { id: 'body.data.object.id' }, activeIn: ['development'], position: 0 }],
    },
  ],
  workflows: [],
};

describe('parseConfigFile', () => {
  it('reads an exported configuration and sums up what it holds', () => {
    const parsed = parseConfigFile(JSON.stringify(file));
    expect(parsed.ok && parsed.summary).toEqual({ sources: ['stripe'], environments: 1, workflows: 0, scripts: 1, secrets: false });
  });

  it('notices secrets in a file exported with them', () => {
    const withSecrets = structuredClone(file);
    Object.assign(withSecrets.sources[0]!.settings[0]!, { secrets: [{ label: 'current', value: 'whsec_x' }] });
    const parsed = parseConfigFile(JSON.stringify(withSecrets));
    expect(parsed.ok && parsed.summary.secrets).toBe(true);
  });

  it('names the place in the file that does not match the format', () => {
    const broken = structuredClone(file) as { sources: Array<{ mappings: Array<{ actionType: string }> }> };
    broken.sources[0]!.mappings[0]!.actionType = 'send_fax';
    const parsed = parseConfigFile(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^The file does not match the configuration format — sources\.0\.mappings\.0\.actionType: /);
  });

  it('explains files that are not configurations', () => {
    expect(parseConfigFile('nope')).toEqual({ ok: false, error: expect.stringMatching(/^The file is not JSON/) });
    expect(parseConfigFile('[{"body": "x"}]')).toEqual({ ok: false, error: expect.stringContaining('captured requests') });
    expect(parseConfigFile('{"a": 1}')).toEqual({ ok: false, error: expect.stringContaining('not an Inlet configuration file') });
  });
});

describe('configFileName', () => {
  it('names the download after the local date', () => {
    expect(configFileName(new Date(2026, 0, 5, 23, 59))).toBe('inlet-config-2026-01-05.json');
  });
});
