import { describe, expect, it } from 'vitest';
import { detail } from '../../test/fixtures';
import { captureFileText, captureFromPaste, parseCaptureFile, toCapture } from './capture-format';

const b64 = (bytes: number[]): string => btoa(String.fromCharCode(...bytes));

describe('parseCaptureFile', () => {
  it('reads a list of captures, filling in the defaults', () => {
    const text = JSON.stringify([{ headers: { 'content-type': 'application/json' }, body: '{"type":"customer.created"}' }, { method: 'put', headers: [['x-a', '1']], body: 'AAE=', bodyEncoding: 'base64', query: '?a=1' }]);
    expect(parseCaptureFile(text)).toEqual({
      items: [
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"customer.created"}', bodyEncoding: 'utf8', query: '' },
        { method: 'PUT', headers: { 'x-a': '1' }, body: 'AAE=', bodyEncoding: 'base64', query: 'a=1' },
      ],
      errors: [],
      fileError: null,
    });
  });

  it('accepts a single capture and an {items} wrapper', () => {
    expect(parseCaptureFile('{"headers": {}, "body": "x"}').items).toHaveLength(1);
    expect(parseCaptureFile('{"items": [{"body": "x"}, {"body": "y"}]}').items).toHaveLength(2);
  });

  it('names each bad item by its position and keeps the good ones', () => {
    const text = JSON.stringify([{ body: 'ok' }, { headers: {} }, { method: 'GET', body: '' }, { body: { type: 'x' } }, { body: '%%%', bodyEncoding: 'base64' }, 'nope', { body: 'x', headers: { 'x-n': null } }]);
    const parsed = parseCaptureFile(text);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.errors).toEqual([
      { item: 2, message: 'has no body.' },
      { item: 3, message: 'method "GET" cannot be imported; use POST, PUT or PATCH.' },
      { item: 4, message: 'body must be the raw request body as a string (JSON bodies too: keep them as text).' },
      { item: 5, message: 'body is marked base64 but is not valid base64.' },
      { item: 6, message: 'is not an object with headers and body.' },
      { item: 7, message: 'Header “x-n” must have a text value.' },
    ]);
  });

  it('explains a file that is not JSON, empty, or a configuration file', () => {
    expect(parseCaptureFile('{nope').fileError).toMatch(/^The file is not JSON/);
    expect(parseCaptureFile('[]').fileError).toBe('The file holds no requests.');
    expect(parseCaptureFile('{"format": "inlet.config", "version": 1}').fileError).toMatch(/configuration file: import it in Settings/);
  });
});

describe('toCapture', () => {
  it('exports a text body as text, without hop headers, and imports back to the same request', () => {
    const event = detail({
      method: 'POST',
      query: 'a=1',
      headers: [['host', '127.0.0.1:4000'], ['content-type', 'application/json'], ['content-length', '27'], ['stripe-signature', 't=1,v1=ab']],
    });
    const capture = toCapture(event);
    expect(capture).toEqual({ method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=ab' }, body: '{"type":"customer.created"}', bodyEncoding: 'utf8', query: 'a=1' });
    expect(parseCaptureFile(captureFileText([capture]))).toEqual({ items: [capture], errors: [], fileError: null });
  });

  it('exports bytes that are not UTF-8 as base64, byte for byte', () => {
    const bytes = [0xff, 0x00, 0xc3, 0x28];
    const capture = toCapture(detail({ bodyText: null, bodyBase64: b64(bytes), headers: [['content-type', 'application/octet-stream']] }));
    expect(capture).toMatchObject({ body: b64(bytes), bodyEncoding: 'base64' });
    expect(parseCaptureFile(captureFileText([capture])).items[0]).toEqual(capture);
  });

  it('falls back to base64 when the shown text would not encode to the original bytes', () => {
    const capture = toCapture(detail({ bodyText: 'caf\uFFFD', bodyBase64: b64([0x63, 0x61, 0x66, 0xe9]) }));
    expect(capture.bodyEncoding).toBe('base64');
  });
});

describe('captureFromPaste', () => {
  it('turns a pasted body, header lines and query into a capture', () => {
    expect(captureFromPaste({ method: 'POST', body: '{"type":"customer.created"}', headers: 'Content-Type: application/json', query: '?a=1' })).toEqual({
      ok: true,
      capture: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":"customer.created"}', bodyEncoding: 'utf8', query: 'a=1' },
    });
  });

  it('lists every problem: an empty body and a bad header line', () => {
    expect(captureFromPaste({ method: 'POST', body: '  ', headers: 'nonsense', query: '' })).toEqual({
      ok: false,
      errors: ['Headers: Line 1: expected “Name: value”, got “nonsense”.', 'Body: paste the request body as it was sent.'],
    });
  });
});
