import type { HubspotV3Scheme } from '../../../../shared/domain/verification';
import { candidateUrls, publicUrlHint } from '../public-urls';
import { parseTimestamp, skewSeconds, staleMessage, withinTolerance } from '../timestamp';
import type { SchemeOutcome, VerifyRequest, VerifySecret } from '../types';
import { decodeSignatures } from './hmac-core';
import { findUrlSigner, urlSignedProbe, type UrlSigned } from './url-hmac';

const HEADER = 'x-hubspot-signature-v3';
const TIMESTAMP = 'x-hubspot-request-timestamp';
const OLD_HEADER = 'x-hubspot-signature';

/**
 * The escapes HubSpot's v3 docs say to decode in the URI before signing (from memory of
 * developers.hubspot.com "Validating requests"; @hubspot/api-client decodes nothing).
 */
const DECODED: Readonly<Record<string, string>> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$',
  '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};
const ESCAPE = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/** The URI as HubSpot's docs have it signed: the listed %-escapes decoded, others left alone. */
export function hubspotUri(url: string): string {
  return url.replace(ESCAPE, (m) => DECODED[m.toUpperCase()] ?? m);
}

/**
 * Both forms of each candidate: decoded as the docs say (what HubSpot sends), and as-is (what the
 * official SDK signs and checks), so requests from either verify.
 */
function uris(urls: readonly string[]): string[] {
  return [...new Set(urls.flatMap((u) => [hubspotUri(u), u]))];
}

/** HubSpot v3: base64 HMAC-SHA256 keyed with the app's client secret over `METHOD + URI + body + timestamp`. */
export function checkHubspotV3(config: HubspotV3Scheme, secrets: readonly VerifySecret[], request: VerifyRequest, now: number): SchemeOutcome {
  const value = request.headers[HEADER];
  if (value === undefined || value === '') {
    const why = request.headers[OLD_HEADER]
      ? `; it carries only ${OLD_HEADER} (signature v1/v2, version in x-hubspot-signature-version), which Inlet does not check. Subscriptions and workflow webhooks of current apps send v3`
      : ", which should carry HubSpot's v3 signature";
    return { ok: false, code: 'missing_header', header: HEADER, message: `The request has no ${HEADER} header${why}.` };
  }
  const rawTimestamp = request.headers[TIMESTAMP];
  if (rawTimestamp === undefined)
    return { ok: false, code: 'missing_header', header: TIMESTAMP, message: `The request has no ${TIMESTAMP} header, which is part of the signed content.` };
  const timestampMs = parseTimestamp(rawTimestamp, 'ms');
  if (timestampMs === null)
    return { ok: false, code: 'malformed_header', header: TIMESTAMP, message: `The timestamp in ${TIMESTAMP} should be a whole number of milliseconds since 1970.` };
  const decoded = decodeSignatures([value.trim()], 'base64', 'sha256');
  const signature = decoded.signatures[0];
  if (!signature)
    return { ok: false, code: 'malformed_header', header: HEADER, message: `The signature in ${HEADER} can't be right: ${decoded.rejected ?? 'it is empty'}.` };

  const urls = candidateUrls(request, config.publicBaseUrl);
  const method = request.method.toUpperCase();
  const parts: UrlSigned = { algorithm: 'sha256', signature, before: uris(urls).map((u) => method + u), after: rawTimestamp };
  const secretId = findUrlSigner(parts, secrets, request.rawBody);
  if (secretId === undefined) {
    const tried = secrets.length === 1 ? 'the configured client secret' : `any of the ${secrets.length} configured client secrets`;
    return {
      ok: false,
      code: 'no_match',
      header: HEADER,
      message:
        `The signature in ${HEADER} does not match ${tried} for any URL tried: the secret is not the app's client secret, ` +
        "the app's target URL differs from the ones tried, or the body changed on the way.",
      probe: urlSignedProbe(parts),
      hints: [publicUrlHint('HubSpot', urls)],
    };
  }
  if (!withinTolerance(timestampMs, now, config.toleranceSeconds)) {
    const skew = skewSeconds(timestampMs, now);
    return {
      ok: false,
      code: 'timestamp_out_of_tolerance',
      header: TIMESTAMP,
      skewSeconds: skew,
      message: staleMessage(skew, config.toleranceSeconds, rawTimestamp, 'ms'),
    };
  }
  return { ok: true, secretId };
}
