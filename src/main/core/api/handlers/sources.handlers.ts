import { ApiFailure, invalidInput } from '../../../../shared/api/result';
import { CUSTOM_TEMPLATE_ID, type PreprocessSettings, type Source } from '../../../../shared/domain/source';
import { newEndpointToken, newId } from '../../util/ids';
import { secretShapeProblem } from '../../verification';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';
import { connectSource } from '../../sources/connect';
import { approveScript, testSourceScript } from '../../sources/scripts';
import { plainVar, sealedVar, sealSecret } from '../../sources/secret-rows';
import { defaultSettings } from '../../sources/source-defaults';

type SourceHandlers = Pick<
  Handlers,
  | 'sources.list'
  | 'sources.get'
  | 'sources.create'
  | 'sources.update'
  | 'sources.delete'
  | 'sources.rotateToken'
  | 'sources.addSecret'
  | 'sources.removeSecret'
  | 'sources.revealSecret'
  | 'sources.stats'
  | 'sources.setVar'
  | 'sources.removeVar'
  | 'sources.testScript'
  | 'sources.approveScript'
  | 'sources.connect'
>;

/**
 * Left out: the script stays as it is. Changed: the user wrote it, so it is approved. Sent
 * unchanged (a form saving another field): its approval stays — an imported script is approved
 * only by `sources.approveScript` or by editing it.
 */
function nextPreprocess(current: PreprocessSettings | null, patch: Omit<PreprocessSettings, 'approved'> | null | undefined): PreprocessSettings | null {
  if (patch === undefined) return current;
  if (patch === null) return null;
  const approved = current !== null && current.script === patch.script ? current.approved : true;
  return { ...patch, approved };
}

export function sourceHandlers(ctx: CoreContext): SourceHandlers {
  const mustGet = (id: string): Source => {
    const source = ctx.sources.get(id);
    if (!source) throw new ApiFailure('not_found', `No source with id "${id}"`);
    return source;
  };
  const settingsOf = (source: Source, environment: string) => {
    const settings = source.settings.find((s) => s.environment === environment);
    if (!settings) throw new ApiFailure('not_found', `No environment "${environment}"`);
    return settings;
  };

  return {
    'sources.list': () => ctx.sources.list(),
    'sources.get': ({ id }) => mustGet(id),

    'sources.create': ({ key, name }) => {
      if (ctx.sources.getByKey(key)) throw new ApiFailure('conflict', `A source with key "${key}" already exists`);
      const id = newId('src');
      ctx.sources.transaction(() => {
        ctx.sources.insert({
          id,
          key,
          name: name ?? key,
          templateId: CUSTOM_TEMPLATE_ID,
          templateVersion: '1',
          createdAt: ctx.clock.now(),
        });
        for (const env of ctx.environments.list()) ctx.sources.insertSettings({ ...defaultSettings(env.key), sourceId: id });
      });
      return mustGet(id);
    },

    'sources.update': ({ id, name, settings }) => {
      const source = mustGet(id);
      ctx.sources.transaction(() => {
        if (name !== undefined) ctx.sources.rename(id, name);
        for (const [environment, { preprocess, ...patch }] of Object.entries(settings ?? {})) {
          const current = settingsOf(source, environment);
          ctx.sources.updateSettings({
            ...current,
            ...patch,
            preprocess: nextPreprocess(current.preprocess, preprocess),
            sourceId: id,
          });
        }
      });
      return mustGet(id);
    },

    'sources.delete': ({ id }) => {
      mustGet(id);
      ctx.sources.remove(id);
      return { deleted: true as const };
    },

    'sources.rotateToken': ({ id, environment }) => {
      settingsOf(mustGet(id), environment);
      ctx.sources.setToken(id, environment, newEndpointToken());
      return mustGet(id);
    },

    'sources.addSecret': ({ id, environment, secret, label }) => {
      const settings = settingsOf(mustGet(id), environment);
      // The same refusal as sources.connect: a secret is saved exactly as the sender uses it.
      const problem = secretShapeProblem(settings.verification, secret);
      if (problem) throw invalidInput([{ path: ['secret'], message: `the ${environment} secret was not saved: ${problem}` }]);
      ctx.sources.insertSecret(sealSecret(ctx, { sourceId: id, environment, secret, label, existing: settings.secrets.length }));
      return mustGet(id);
    },

    'sources.removeSecret': ({ id, environment, secretId }) => {
      settingsOf(mustGet(id), environment);
      if (!ctx.sources.removeSecret(id, environment, secretId)) {
        throw new ApiFailure('not_found', `No secret "${secretId}" in ${environment}`);
      }
      return mustGet(id);
    },

    'sources.stats': () => ctx.events.stats(ctx.clock.now() - 24 * 60 * 60 * 1000),

    'sources.setVar': ({ id, environment, name, value, secret }) => {
      settingsOf(mustGet(id), environment);
      ctx.sources.upsertVar(secret ? sealedVar(ctx, { sourceId: id, environment, name, value }) : plainVar({ sourceId: id, environment, name, value }));
      return mustGet(id);
    },

    'sources.removeVar': ({ id, environment, name }) => {
      settingsOf(mustGet(id), environment);
      if (!ctx.sources.removeVar(id, environment, name)) throw new ApiFailure('not_found', `No variable "${name}" in ${environment}`);
      return mustGet(id);
    },

    'sources.revealSecret': ({ id, environment, secretId }) => {
      const sealed = ctx.sources.getSecret(id, environment, secretId);
      if (!sealed) throw new ApiFailure('not_found', `No secret "${secretId}" in ${environment}`);
      return { secret: ctx.secretStore.open(sealed.sealed) };
    },

    'sources.testScript': (input) => testSourceScript(ctx, input),

    'sources.approveScript': ({ id, environment }) => {
      approveScript(ctx, id, environment);
      return mustGet(id);
    },

    'sources.connect': (input) => {
      const id = connectSource(ctx, input);
      return mustGet(id);
    },
  };
}
