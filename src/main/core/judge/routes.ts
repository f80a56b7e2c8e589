import type { SourceEnvSettings } from '../../../shared/domain/source';
import type { HandshakeKind } from '../../../shared/domain/template';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { SecretStore } from '../ports';
import { tryOpen, unusableSecretDiagnosis } from '../secrets/secret-health';
import type { SourcesRepo } from '../store/repos/sources.repo';

export interface RouteSecret {
  id: string;
  value: string;
}

/** Everything the receiver needs to answer one endpoint token, with secrets already opened. */
export interface Route {
  sourceId: string;
  environment: string;
  settings: Omit<SourceEnvSettings, 'secrets'>;
  secrets: RouteSecret[];
  /** The same source's secrets in its other environments (for the "wrong environment" hint). */
  otherEnvironments: Array<{ environment: string; secrets: string[] }>;
  /** The preprocess script's variables, secret ones opened, and which of them are secret. */
  vars: { values: Record<string, string>; secretNames: string[] };
  /**
   * Saved secrets (ids) and secret variables (names) that can't be opened on this machine; they are
   * left out of `secrets` and `vars`, and a failed verification says why.
   */
  unusable: { secrets: string[]; vars: string[] };
  /** The endpoint check the receiver answers itself for this source's template, if any. */
  handshake: HandshakeKind | null;
}

/**
 * token → route, rebuilt from the database after any configuration change. Secrets are opened once
 * per rebuild, not per request.
 */
export function createRouteTable(sources: SourcesRepo, secretStore: SecretStore, handshakeOf: (templateId: string) => HandshakeKind | null) {
  let table: { byToken: Map<string, Route>; bySource: Map<string, Route> } | null = null;

  const build = () => {
    const snapshot = sources.routingSnapshot();
    const secretsBy = new Map<string, RouteSecret[]>();
    const unusableBy = new Map<string, string[]>();
    // One secret that no longer opens (the key file was replaced, another machine's keychain) must
    // not take the receiver down: it is left out and reported, the others keep working.
    for (const s of snapshot.secrets) {
      const key = `${s.sourceId}\u0000${s.environment}`;
      const value = tryOpen(secretStore, s.sealed);
      if (value === null) unusableBy.set(key, [...(unusableBy.get(key) ?? []), s.id]);
      else secretsBy.set(key, [...(secretsBy.get(key) ?? []), { id: s.id, value }]);
    }
    const secretsOf = (sourceId: string, env: string) => secretsBy.get(`${sourceId}\u0000${env}`) ?? [];
    const varsOf = (sourceId: string, env: string) => {
      const values: Record<string, string> = {};
      const secretNames: string[] = [];
      const unusable: string[] = [];
      for (const v of snapshot.vars) {
        if (v.sourceId !== sourceId || v.environment !== env) continue;
        const value = v.sealed ? tryOpen(secretStore, v.sealed) : (v.value ?? '');
        if (value === null) {
          unusable.push(v.name);
          continue;
        }
        values[v.name] = value;
        if (v.sealed) secretNames.push(v.name);
      }
      return { values, secretNames, unusable };
    };
    const byToken = new Map<string, Route>();
    const bySource = new Map<string, Route>();
    for (const { sourceId, templateId, settings } of snapshot.settings) {
      const siblings = snapshot.settings.filter(
        (o) => o.sourceId === sourceId && o.settings.environment !== settings.environment,
      );
      const vars = varsOf(sourceId, settings.environment);
      const route: Route = {
        sourceId,
        environment: settings.environment,
        settings,
        secrets: secretsOf(sourceId, settings.environment),
        otherEnvironments: siblings.map((o) => ({
          environment: o.settings.environment,
          secrets: secretsOf(sourceId, o.settings.environment).map((s) => s.value),
        })),
        vars: { values: vars.values, secretNames: vars.secretNames },
        unusable: { secrets: unusableBy.get(`${sourceId}\u0000${settings.environment}`) ?? [], vars: vars.unusable },
        handshake: handshakeOf(templateId),
      };
      byToken.set(settings.endpointToken, route);
      bySource.set(`${sourceId}\u0000${settings.environment}`, route);
    }
    return { byToken, bySource };
  };

  return {
    lookup(token: string): Route | undefined {
      table ??= build();
      return table.byToken.get(token);
    },
    /** The route of a source in an environment, whatever its token (replay, rehearsal). */
    forSource(sourceId: string, environment: string): Route | undefined {
      table ??= build();
      return table.bySource.get(`${sourceId}\u0000${environment}`);
    },
    /** Call after any change to sources, settings, secrets or environments. */
    invalidate(): void {
      table = null;
    },
  };
}
export type RouteTable = ReturnType<typeof createRouteTable>;

/**
 * A request that failed verification on a route with a secret that can't be opened here most
 * likely failed because of it: the diagnosis says so (keeping the scheme's hints).
 */
export function withUnusableSecrets(route: Route, verification: VerificationResult): VerificationResult {
  if (verification.status === 'verified') return verification;
  if (route.unusable.secrets.length === 0 && route.unusable.vars.length === 0) return verification;
  return { ...verification, status: 'failed', diagnosis: unusableSecretDiagnosis(verification.diagnosis?.hints ?? []) };
}
