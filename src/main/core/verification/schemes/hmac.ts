import type { HmacScheme } from '../../../../shared/domain/verification';
import { compileTemplate, type ContentValues } from '../signed-content';
import { parseTimestamp, skewSeconds, staleMessage, withinTolerance } from '../timestamp';
import type { SchemeOutcome, VerifyRequest, VerifySecret } from '../types';
import { decodeSignatures, findMatchingSecret, hmacProbe, type SignedParts } from './hmac-core';

type Failure = Extract<SchemeOutcome, { ok: false }>;

const missing = (header: string, why: string): Failure => ({
  ok: false,
  code: 'missing_header',
  header,
  message: `The request has no ${header} header${why}.`,
});

const malformed = (header: string, message: string): Failure => ({ ok: false, code: 'malformed_header', header, message });

/** Stripe's and octokit's own words: they refuse an empty body before looking at its signature. */
const EMPTY_BODY: Failure = {
  ok: false,
  code: 'empty_body',
  message: "No webhook payload was provided: the body is empty, which the provider's own library refuses whatever the signature.",
};

/** Reads `t=…,v1=…,v1=…` pairs; whitespace around pairs is ignored (WorkOS sends `, `). */
function readPairs(value: string, separator: string, signatureKey: string, timestampKey: string | undefined) {
  const signatures: string[] = [];
  let timestamp: string | undefined;
  for (const piece of value.split(separator.trim() || separator)) {
    const pair = piece.trim();
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq);
    if (key === signatureKey) signatures.push(pair.slice(eq + 1));
    else if (key === timestampKey && timestamp === undefined) timestamp = pair.slice(eq + 1);
  }
  return { signatures, timestamp };
}

function shapeOf(config: HmacScheme): string {
  const sig = config.encoding === 'hex' ? '<hex>' : '<base64>';
  if (config.format === 'plain') return `${config.signaturePrefix}${sig}`;
  const ts = config.timestamp?.from === 'signature' ? `${config.timestamp.key}=<timestamp>${config.pairSeparator}` : '';
  return `${ts}${config.signatureKey}=${sig}`;
}

/** The generic HMAC scheme (Stripe, GitHub, Slack, WorkOS, Shopify, …), driven entirely by `config`. */
export function checkHmac(config: HmacScheme, secrets: readonly VerifySecret[], request: VerifyRequest, now: number): SchemeOutcome {
  if (config.payload !== undefined && config.payload !== 'any' && request.rawBody.length === 0) return EMPTY_BODY;
  const header = config.signatureHeader;
  const value = request.headers[header];
  if (value === undefined || value === '') return missing(header, ', which should carry the signature');

  let rawSignatures: string[];
  let rawTimestamp: string | undefined;
  if (config.format === 'plain') {
    if (!value.startsWith(config.signaturePrefix))
      return malformed(header, `The ${header} header should look like ${shapeOf(config)} but does not start with "${config.signaturePrefix}".`);
    rawSignatures = [value.slice(config.signaturePrefix.length).trim()];
  } else {
    const tsKey = config.timestamp?.from === 'signature' ? config.timestamp.key : undefined;
    const pairs = readPairs(value, config.pairSeparator, config.signatureKey, tsKey);
    if (pairs.signatures.length === 0)
      return malformed(header, `The ${header} header should look like ${shapeOf(config)} but has no ${config.signatureKey}= signature.`);
    if (tsKey !== undefined && pairs.timestamp === undefined)
      return malformed(header, `The ${header} header should look like ${shapeOf(config)} but has no ${tsKey}= timestamp.`);
    rawSignatures = pairs.signatures;
    rawTimestamp = pairs.timestamp;
  }

  if (config.timestamp?.from === 'header') {
    rawTimestamp = request.headers[config.timestamp.header];
    if (rawTimestamp === undefined) return missing(config.timestamp.header, ', which should carry the signing time');
  }
  const timestampHeader = config.timestamp?.from === 'header' ? config.timestamp.header : header;
  const timestampMs = rawTimestamp === undefined ? undefined : parseTimestamp(rawTimestamp, config.timestampUnit);
  if (timestampMs === null)
    return malformed(timestampHeader, `The timestamp in ${timestampHeader} should be a whole number of ${config.timestampUnit === 's' ? 'seconds' : 'milliseconds'} since 1970.`);

  const template = compileTemplate(config.signedContent);
  const values: ContentValues = { timestamp: rawTimestamp, method: request.method, url: request.url };
  if (template.variables.includes('id')) {
    const idHeader = config.idHeader ?? 'webhook-id';
    const id = request.headers[idHeader];
    if (id === undefined) return missing(idHeader, ', whose message id is part of the signed content');
    values.id = id;
  }

  const decoded = decodeSignatures(rawSignatures, config.encoding, config.algorithm, config.hexCase === 'lower');
  if (decoded.signatures.length === 0)
    return malformed(header, `The signature in ${header} can't be right: ${decoded.rejected ?? 'it is empty'}.`);

  const parts: SignedParts = {
    algorithm: config.algorithm,
    template,
    values,
    signatures: decoded.signatures,
    secretEncoding: config.secretEncoding,
  };
  const secretId = findMatchingSecret(parts, secrets, request.rawBody);
  if (secretId === undefined) return noMatch(header, secrets.length, parts);

  if (timestampMs !== undefined && rawTimestamp !== undefined && !withinTolerance(timestampMs, now, config.toleranceSeconds)) {
    const skew = skewSeconds(timestampMs, now);
    return {
      ok: false,
      code: 'timestamp_out_of_tolerance',
      header: timestampHeader,
      skewSeconds: skew,
      message: staleMessage(skew, config.toleranceSeconds, rawTimestamp, config.timestampUnit),
    };
  }
  return { ok: true, secretId };
}

export function noMatch(header: string, secretCount: number, parts: SignedParts): Failure {
  const tried = secretCount === 1 ? 'the configured secret' : `any of the ${secretCount} configured secrets`;
  return {
    ok: false,
    code: 'no_match',
    header,
    message: `The signature in ${header} does not match ${tried}: either the secret is not the one the sender signs with, or the body changed on the way.`,
    probe: hmacProbe(parts),
  };
}
