import type { SquareScheme } from '../../../../shared/domain/verification';
import { candidateUrls, publicUrlHint } from '../public-urls';
import type { SchemeOutcome, VerifyRequest, VerifySecret } from '../types';
import { decodeSignatures } from './hmac-core';
import { findUrlSigner, urlSignedProbe, type UrlSigned } from './url-hmac';

const HEADER = 'x-square-hmacsha256-signature';
// Subscriptions made before Square's SHA-256 header still send only this one, HMAC-SHA1.
const LEGACY_HEADER = 'x-square-signature';

/** Square: base64 HMAC-SHA256 keyed with the subscription's signature key over `notificationUrl + body`. */
export function checkSquare(config: SquareScheme, secrets: readonly VerifySecret[], request: VerifyRequest): SchemeOutcome {
  const current = request.headers[HEADER];
  const legacy = request.headers[LEGACY_HEADER];
  const header = current ? HEADER : legacy ? LEGACY_HEADER : undefined;
  if (header === undefined)
    return { ok: false, code: 'missing_header', header: HEADER, message: `The request has no ${HEADER} header, which should carry Square's signature.` };
  const algorithm = header === HEADER ? 'sha256' : 'sha1';
  const decoded = decodeSignatures([(current || legacy || '').trim()], 'base64', algorithm);
  const signature = decoded.signatures[0];
  if (!signature)
    return { ok: false, code: 'malformed_header', header, message: `The signature in ${header} can't be right: ${decoded.rejected ?? 'it is empty'}.` };

  const urls = candidateUrls(request, config.publicBaseUrl);
  const parts: UrlSigned = { algorithm, signature, before: urls, after: '' };
  const secretId = findUrlSigner(parts, secrets, request.rawBody);
  if (secretId !== undefined) return { ok: true, secretId };
  const tried = secrets.length === 1 ? 'the configured signature key' : `any of the ${secrets.length} configured signature keys`;
  return {
    ok: false,
    code: 'no_match',
    header,
    message:
      `The signature in ${header} does not match ${tried} for any URL tried: the key is not this subscription's signature key, ` +
      "the subscription's notification URL differs from the ones tried, or the body changed on the way.",
    probe: urlSignedProbe(parts),
    hints: [publicUrlHint('Square', urls)],
  };
}
