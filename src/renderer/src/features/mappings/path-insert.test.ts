import { describe, expect, it } from 'vitest';
import { pathOf } from '../../../../shared/expr';
import { insertPath } from './path-insert';

describe('insertPath', () => {
  it('fills an empty parameter with the clicked path', () => {
    expect(insertPath('', 'body.data.id', null)).toEqual({ source: 'body.data.id', caret: 12 });
  });

  it('replaces a path with the newly clicked one', () => {
    expect(insertPath('body.data.id', 'body.data.email', { start: 3, end: 3 }).source).toBe('body.data.email');
  });

  it('replaces an expression that does not parse', () => {
    expect(insertPath('body.[', 'body.a', null).source).toBe('body.a');
  });

  it('puts the path into a string as a placeholder at the caret', () => {
    expect(insertPath('"Hi  there"', 'body.name', { start: 4, end: 4 })).toEqual({ source: '"Hi {{body.name}} there"', caret: 17 });
  });

  it('appends a placeholder before the closing quote when the caret was outside the string', () => {
    expect(insertPath('"{{body.first}} "', 'body.last', null).source).toBe('"{{body.first}} {{body.last}}"');
  });

  it('inserts at the caret inside an object', () => {
    const current = '{"role": }';
    expect(insertPath(current, 'body.role', { start: 9, end: 9 }).source).toBe('{"role": body.role}');
  });

  it('uses the bracket form pathOf writes for odd keys', () => {
    const path = pathOf(['body', 'properties', '$current url', 0]);
    expect(insertPath('', path, null).source).toBe('body.properties["$current url"][0]');
  });
});
