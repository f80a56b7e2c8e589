import { isRecord, toEntry, toTime, type CaptureEntry, type Where } from './entry';

/**
 * One HAR entry (HAR 1.2, as Chrome, Firefox, Charles, mitmproxy and Fiddler write it): the
 * request's method, URL, headers and postData; the response is not needed to replay a webhook.
 */
export function fromHarEntry(value: unknown, at: Where): CaptureEntry {
  if (!isRecord(value) || !isRecord(value.request)) return { kind: 'error', at, error: 'is not a HAR entry (it has no "request").' };
  const { request } = value;
  if (typeof request.method !== 'string' || typeof request.url !== 'string') return { kind: 'error', at, error: 'has a request without a method or url.' };
  if (!Array.isArray(request.headers)) return { kind: 'error', at, error: 'has a request without a headers list.' };
  const headers: Array<[string, string]> = [];
  for (const h of request.headers as unknown[]) {
    if (!isRecord(h) || typeof h.name !== 'string' || typeof h.value !== 'string') return { kind: 'error', at, error: 'has a header that is not {name, value}.' };
    headers.push([h.name, h.value]);
  }
  const post = isRecord(request.postData) ? request.postData : null;
  let body = '';
  if (post && typeof post.text === 'string') body = post.text;
  else if (post && Array.isArray(post.params)) {
    // Some recorders keep form posts as params only.
    const params = new URLSearchParams();
    for (const p of post.params as unknown[]) if (isRecord(p) && typeof p.name === 'string') params.append(p.name, typeof p.value === 'string' ? p.value : '');
    body = params.toString();
  }
  if (post && typeof post.mimeType === 'string' && post.mimeType !== '' && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', post.mimeType]);
  return toEntry(at, {
    method: request.method,
    headers,
    body,
    bodyEncoding: post?.encoding === 'base64' ? 'base64' : 'utf8',
    target: request.url,
    capturedAt: toTime(value.startedDateTime),
    // Inlet's HAR export keeps its own fields under `_inlet`, including whether redaction changed the entry.
    redacted: isRecord(value._inlet) && value._inlet.redacted === true,
  });
}
