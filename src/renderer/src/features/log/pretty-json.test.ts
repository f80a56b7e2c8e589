import { describe, expect, it } from 'vitest';
import { prettyJson } from './pretty-json';

describe('prettyJson', () => {
  it('indents JSON', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('leaves text that is not JSON to be shown raw', () => {
    expect(prettyJson('a=1&b=2')).toBeNull();
  });

  it('shows a body nested deeper than 512 levels raw instead of indenting it', () => {
    expect(prettyJson(`${'['.repeat(513)}${']'.repeat(513)}`)).toBeNull();
    expect(prettyJson(`${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`)).toBeNull();
    expect(prettyJson(`${'['.repeat(512)}${']'.repeat(512)}`)).toMatch(/^\[\n {2}\[/);
  });
});
