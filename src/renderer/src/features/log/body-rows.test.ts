import { describe, expect, it } from 'vitest';
import { bodyRowText, byteRowStarts, decodeInSlices, largeBodyOf, rowCount, toRows, type BodyRows } from './body-rows';

const rowsOf = (rows: BodyRows): string[] => Array.from({ length: rowCount(rows) }, (_, i) => bodyRowText(rows, i));

describe('body rows', () => {
  it('draws one row per line, without the line breaks, keeping empty lines', () => {
    expect(rowsOf(toRows('a\n\nbc\n'))).toEqual(['a', '', 'bc', '']);
  });

  it('cuts a minified body into rows of a fixed width that join back to the body', () => {
    const bytes = new TextEncoder().encode('x'.repeat(1001));
    const rows = { bytes, starts: byteRowStarts(bytes, 400) };
    expect(rowsOf(rows).map((r) => r.length)).toEqual([400, 400, 201]);
  });

  it('never cuts a row inside a character, so every row decodes whole', () => {
    const text = 'é€😀'.repeat(300);
    const bytes = new TextEncoder().encode(text);
    const rows = { bytes, starts: byteRowStarts(bytes, 10) };
    expect(rowsOf(rows).join('')).toBe(text);
    expect(rowsOf(rows).some((r) => r.includes('\uFFFD'))).toBe(false);
  });

  it('pretty-prints JSON next to the rows as sent, and leaves other text raw only', () => {
    const json = largeBodyOf('{"a":[1]}', '');
    expect(rowsOf(json.pretty!)).toEqual(['{', '  "a": [', '    1', '  ]', '}']);
    expect(rowsOf(json.raw)).toEqual(['{"a":[1]}']);
    expect(largeBodyOf('a=1&b=2', '').pretty).toBeNull();
  });

  it('keeps a binary body byte for byte in its file and shows it as base64', async () => {
    const body = largeBodyOf(null, btoa(String.fromCharCode(0, 255, 10, 128)));
    expect(body.kind).toBe('binary');
    expect(rowsOf(body.raw)).toEqual(['AP8KgA==']);
    expect([...new Uint8Array(await body.file.arrayBuffer())]).toEqual([0, 255, 10, 128]);
  });

  it('decodes the whole text a slice at a time, even where a slice ends inside a character', async () => {
    const text = `${'a'.repeat(5)}😀${'é'.repeat(20)}`;
    expect(await decodeInSlices(new TextEncoder().encode(text), new AbortController().signal, 7)).toBe(text);
  });
});
