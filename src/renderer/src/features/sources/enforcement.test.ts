import { describe, expect, it } from 'vitest';
import { enforcementState } from './enforcement';

const secret = { id: 'sec_1', label: 'Current', preview: 'whsec_…f3a9', createdAt: 0 };
const secretVar = { name: 'CUSTOM_HTTP_SIGNING_SECRET', secret: true, value: null, preview: '…f3a9' };
const plainVar = { name: 'REGION', secret: false, value: 'eu', preview: 'eu' };

describe('enforcementState', () => {
  it.each([
    ['enforced with a secret', { enforceVerification: true, secrets: [secret], vars: [] }, 'enforced'],
    ['off with a signing secret', { enforceVerification: false, secrets: [secret], vars: [] }, 'off_with_secret'],
    ['off with a secret script variable (script-verified templates)', { enforceVerification: false, secrets: [], vars: [secretVar] }, 'off_with_secret'],
    ['off with only a plain variable', { enforceVerification: false, secrets: [], vars: [plainVar] }, 'off'],
    ['off with nothing to verify with', { enforceVerification: false, secrets: [], vars: [] }, 'off'],
  ] as const)('is %s', (_name, settings, expected) => {
    expect(enforcementState({ ...settings, secrets: [...settings.secrets], vars: [...settings.vars] })).toBe(expected);
  });
});
