import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_ORDER, ACTIONS } from '../../../shared/domain/action';
import { PLAN_ERROR_CODES } from '../../../shared/domain/mapping';
import { CONDITION_OPS } from '../../../shared/expr/schema';

const doc = readFileSync(new URL('../../../../docs/mapping-language.md', import.meta.url), 'utf8');
const section = (type: string): string => {
  const start = doc.indexOf(`\`${type}\`)`);
  return start < 0 ? '' : doc.slice(start, doc.indexOf('\n### ', start + 1));
};

describe('docs/mapping-language.md stays in step with the code', () => {
  it.each(ACTION_ORDER)('documents %s with every parameter and whether it is required', (type) => {
    const text = section(type);
    expect(text, `no section for ${type}`).not.toBe('');
    for (const p of ACTIONS[type].params) {
      expect(text, `${type}.${p.name}`).toContain(`\`${p.name}\`${p.required ? '*' : ''}`);
    }
  });

  it('documents every error code and condition operator', () => {
    for (const code of PLAN_ERROR_CODES) expect(doc).toContain(`\`${code}\``);
    for (const op of CONDITION_OPS) expect(doc).toContain(`\`${op}\``);
  });
});
