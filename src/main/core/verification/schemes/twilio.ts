import { createHash, createHmac } from 'node:crypto';
import type { TwilioScheme } from '../../../../shared/domain/verification';
import { digestsEqual } from '../constant-time';
import { candidateUrls, publicUrlHint } from '../public-urls';
import type { Probe, SchemeOutcome, VerifyRequest, VerifySecret } from '../types';
import { decodeSignatures } from './hmac-core';

const HEADER = 'x-twilio-signature';
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

export type TwilioParams = Record<string, string[]>;

/** The `bodySHA256` query parameter Twilio adds to the URL of JSON posts, if any. */
export function bodyHashParam(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get('bodySHA256') ?? undefined;
}

/**
 * The POST parameters Twilio signs: the decoded form fields of a form post; none for JSON posts
 * (their body is covered by `bodySHA256` instead), GETs and empty bodies.
 */
export function formParams(method: string, contentType: string | undefined, body: Buffer): TwilioParams {
  const params: TwilioParams = {};
  if (body.length === 0 || method === 'GET' || method === 'HEAD' || contentType?.includes('json')) return params;
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) (params[key] ??= []).push(value);
  return params;
}

/**
 * `url` followed by every `key + value`, keys sorted, repeated values de-duplicated and sorted:
 * exactly what twilio-node's `getExpectedTwilioSignature` signs.
 */
export function twilioContent(url: string, params: TwilioParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    for (const value of [...new Set(params[key])].sort()) data += key + value;
  }
  return data;
}

const sha256Hex = (body: Buffer) => createHash('sha256').update(body).digest();

function bodyHashMatches(expectedHex: string, body: Buffer): boolean {
  return HEX_SHA256.test(expectedHex) && digestsEqual(Buffer.from(expectedHex, 'hex'), sha256Hex(body));
}

function findSecret(signature: Buffer, urls: readonly string[], params: TwilioParams, secrets: readonly VerifySecret[]) {
  const contents = urls.map((url) => twilioContent(url, params));
  for (const secret of secrets) {
    for (const content of contents) {
      if (digestsEqual(createHmac('sha1', secret.value).update(content, 'utf8').digest(), signature)) return secret.id;
    }
  }
  return undefined;
}

/**
 * Twilio: base64 HMAC-SHA1 keyed with the Auth Token over the full URL Twilio called (+ the sorted
 * form parameters); JSON posts sign only the URL, whose `bodySHA256` must equal the body's hash.
 */
export function checkTwilio(config: TwilioScheme, secrets: readonly VerifySecret[], request: VerifyRequest): SchemeOutcome {
  const value = request.headers[HEADER];
  if (value === undefined || value === '')
    return { ok: false, code: 'missing_header', header: HEADER, message: `The request has no ${HEADER} header, which should carry Twilio's signature.` };
  const decoded = decodeSignatures([value.trim()], 'base64', 'sha1');
  const signature = decoded.signatures[0];
  if (!signature)
    return { ok: false, code: 'malformed_header', header: HEADER, message: `The signature in ${HEADER} can't be right: ${decoded.rejected ?? 'it is empty'}.` };

  const urls = candidateUrls(request, config.publicBaseUrl);
  const bodyHash = bodyHashParam(request.url);
  const paramsOf = (body: Buffer) =>
    bodyHash === undefined ? formParams(request.method, request.headers['content-type'], body) : {};
  const probe: Probe = {
    coversBody: true,
    matches: (body, values) =>
      (bodyHash === undefined || bodyHashMatches(bodyHash, body)) &&
      findSecret(signature, urls, paramsOf(body), values.map((v, i) => ({ id: String(i), value: v }))) !== undefined,
  };

  const secretId = findSecret(signature, urls, paramsOf(request.rawBody), secrets);
  if (secretId === undefined) {
    const tried = secrets.length === 1 ? 'the configured Auth Token' : `any of the ${secrets.length} configured Auth Tokens`;
    return {
      ok: false,
      code: 'no_match',
      header: HEADER,
      message:
        `The signature in ${HEADER} does not match ${tried} for any URL tried: the token is not the account's primary Auth Token, ` +
        'the URL configured at Twilio differs from the ones tried, or the parameters changed on the way.',
      probe,
      hints: [publicUrlHint('Twilio', urls)],
    };
  }
  if (bodyHash !== undefined && !bodyHashMatches(bodyHash, request.rawBody))
    return {
      ok: false,
      code: 'no_match',
      header: HEADER,
      message: "The URL's signature matches, but the body's SHA-256 is not the bodySHA256 in the URL: the body changed on the way.",
      probe,
    };
  return { ok: true, secretId };
}
