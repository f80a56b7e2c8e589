import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedDeeperThan, textNestedDeeperThan } from './nesting';

const bytes = (text: string) => new TextEncoder().encode(text);
const arrays = (depth: number) => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
const objects = (depth: number) => `${'{"k":'.repeat(depth)}0${'}'.repeat(depth)}`;
const mixed = (depth: number) => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"k":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${open}0${close}`;
};

/** A small seeded generator, so a failure names the case that broke. */
function randomValue(seed: number): unknown {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const chars = ['[', ']', '{', '}', '"', '\\', 'a', ' ', 'é', '\n'];
  const text = () => Array.from({ length: next(60) }, () => chars[next(chars.length)]).join('');
  const make = (level: number): unknown => {
    const pick = level > 8 ? 0 : next(4);
    if (pick === 0) return next(2) ? text() : next(1000);
    if (pick === 1) return Array.from({ length: next(4) }, () => make(level + 1));
    return Object.fromEntries(Array.from({ length: next(4) }, () => [text(), make(level + 1)]));
  };
  return make(0);
}

const depthOf = (v: unknown): number =>
  typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;

describe('nestedDeeperThan', () => {
  it('agrees with the parsed depth of 300 generated values full of brackets, quotes and escapes', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const value = randomValue(seed);
      const text = JSON.stringify(value, null, seed % 3 === 0 ? 2 : undefined);
      const depth = depthOf(value);
      expect({ seed, deeper: nestedDeeperThan(bytes(text), depth) }).toEqual({ seed, deeper: false });
      if (depth > 0) expect({ seed, deeper: nestedDeeperThan(bytes(text), depth - 1) }).toEqual({ seed, deeper: true });
    }
  });

  it.each([
    ['arrays', arrays],
    ['objects', objects],
    ['arrays and objects in turn', mixed],
  ])('lets %s 512 deep through and stops them at 513', (_, nest) => {
    expect(MAX_JSON_DEPTH).toBe(512);
    expect(() => JSON.parse(nest(513))).not.toThrow();
    expect(nestedDeeperThan(bytes(nest(512)))).toBe(false);
    expect(nestedDeeperThan(bytes(nest(513)))).toBe(true);
  });

  it('counts the depth reached at once, not the number of brackets', () => {
    const siblings = `[${Array.from({ length: 2000 }, () => '[[]]').join(',')}]`;
    expect(nestedDeeperThan(bytes(siblings), 3)).toBe(false);
    expect(nestedDeeperThan(bytes(siblings), 2)).toBe(true);
  });

  it('ignores brackets inside strings', () => {
    const text = `{"a": "${'[{'.repeat(1000)}", "b": ["${']}'.repeat(1000)}"]}`;
    expect(nestedDeeperThan(bytes(text), 2)).toBe(false);
    expect(nestedDeeperThan(bytes(text), 1)).toBe(true);
  });

  it('keeps track of escaped quotes and escaped backslashes', () => {
    // "\"[[[" is one string; "\\" ends right after its escaped backslash, so the [[ after it count.
    expect(nestedDeeperThan(bytes(`["\\"[[[[", 1]`), 1)).toBe(false);
    expect(nestedDeeperThan(bytes(`["\\\\", [[1]]]`), 2)).toBe(true);
    expect(nestedDeeperThan(bytes(`["\\\\\\"[[", 1]`), 1)).toBe(false);
    expect(nestedDeeperThan(bytes(`["\\u0022[[[", 1]`), 1)).toBe(false);
  });

  it('keeps track of escapes in long strings too', () => {
    const long = 'x'.repeat(100);
    const values = [`${long}"[[[`, `${long}\\`, `${long}\\"[[`, `${'\\'.repeat(50)}"${long}[[`, `"${long}`];
    for (const value of values) {
      const text = JSON.stringify([value, [[1]]]);
      expect(nestedDeeperThan(bytes(text), 3)).toBe(false);
      expect(nestedDeeperThan(bytes(text), 2)).toBe(true);
    }
  });

  it('is not fooled by whitespace between the brackets', () => {
    const spaced = `${'[ \n\t\r'.repeat(513)}${' ]'.repeat(513)}`;
    expect(nestedDeeperThan(bytes(spaced))).toBe(true);
    expect(nestedDeeperThan(bytes(`${'[ \n\t\r'.repeat(512)}${' ]'.repeat(512)}`))).toBe(false);
  });

  it('reads multi-byte characters as string content', () => {
    const text = `{"é😀[": "[[[ü", "n": [["✓"]]}`;
    expect(nestedDeeperThan(bytes(text), 3)).toBe(false);
    expect(nestedDeeperThan(bytes(text), 2)).toBe(true);
  });

  it('judges unterminated text by what it opened, leaving validity to the parser', () => {
    expect(nestedDeeperThan(bytes('['.repeat(513)))).toBe(true);
    expect(nestedDeeperThan(bytes(`["${'['.repeat(600)}`))).toBe(false);
    expect(nestedDeeperThan(bytes(']'.repeat(600) + arrays(100)))).toBe(false);
  });

  it('gives the same answer for decoded text', () => {
    expect(textNestedDeeperThan(arrays(513))).toBe(true);
    expect(textNestedDeeperThan(arrays(512))).toBe(false);
    expect(textNestedDeeperThan('"[[[["', 1)).toBe(false);
  });
});
