import type { SharedSecretScheme } from '../../../../shared/domain/verification';
import { secretsEqual } from '../constant-time';
import type { Probe, SchemeOutcome, VerifyRequest, VerifySecret } from '../types';

function tokenProbe(token: string): Probe {
  return { coversBody: false, matches: (_body, secrets) => token !== '' && secrets.some((s) => s !== '' && secretsEqual(token, s)) };
}

function matchToken(token: string, secrets: readonly VerifySecret[]): string | undefined {
  let matched: string | undefined;
  // Every secret is compared, so the time taken doesn't reveal which one matched.
  for (const secret of secrets) if (secretsEqual(token, secret.value) && matched === undefined) matched = secret.id;
  return matched;
}

const hasPrefix = (value: string, prefix: string) => value.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();

/** A static secret in a header (Knock's Custom HTTP default), optionally after `Bearer `. */
export function checkSharedSecret(config: SharedSecretScheme, secrets: readonly VerifySecret[], request: VerifyRequest): SchemeOutcome {
  const header = config.header;
  const value = request.headers[header];
  if (value === undefined || value === '')
    return { ok: false, code: 'missing_header', header, message: `The request has no ${header} header, which should carry the shared secret.` };
  if (!hasPrefix(value, config.prefix))
    return {
      ok: false,
      code: 'malformed_header',
      header,
      message: `The ${header} header should look like "${config.prefix}<secret>" but does not start with "${config.prefix.trim()}".`,
    };
  const token = value.slice(config.prefix.length).trim();
  const secretId = matchToken(token, secrets);
  if (secretId !== undefined) return { ok: true, secretId };
  const tried = secrets.length === 1 ? 'the configured secret' : `any of the ${secrets.length} configured secrets`;
  return { ok: false, code: 'no_match', header, message: `The value in ${header} is not ${tried}.`, probe: tokenProbe(token) };
}

const BASIC = 'basic ';

/** HTTP basic authentication; each secret is `user:password`. */
export function checkBasicAuth(secrets: readonly VerifySecret[], request: VerifyRequest): SchemeOutcome {
  const header = 'authorization';
  const value = request.headers[header];
  if (value === undefined || value === '')
    return { ok: false, code: 'missing_header', header, message: 'The request has no authorization header, so it carries no user name and password.' };
  const credentials = hasPrefix(value, BASIC) ? Buffer.from(value.slice(BASIC.length).trim(), 'base64').toString('utf8') : '';
  if (!credentials.includes(':'))
    return { ok: false, code: 'malformed_header', header, message: 'The authorization header should be "Basic <base64 of user:password>".' };
  const secretId = matchToken(credentials, secrets);
  if (secretId !== undefined) return { ok: true, secretId };
  return {
    ok: false,
    code: 'no_match',
    header,
    message: 'The user name and password in the authorization header are not the configured ones.',
    probe: tokenProbe(credentials),
  };
}
