import { ApiFailure } from '../../../../shared/api/result';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';
import { addEnvironment } from '../../environments/add-environment';

type EnvironmentHandlers = Pick<
  Handlers,
  'environments.list' | 'environments.create' | 'environments.rename' | 'environments.delete'
>;

const titleCase = (key: string) => key.replace(/(^|[-_])(\w)/g, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());

export function environmentHandlers(ctx: CoreContext): EnvironmentHandlers {
  const mustExist = (key: string) => {
    const env = ctx.environments.get(key);
    if (!env) throw new ApiFailure('not_found', `No environment "${key}"`);
    return env;
  };

  return {
    'environments.list': () => ctx.environments.list(),

    'environments.create': ({ key, name }) => {
      if (ctx.environments.get(key)) throw new ApiFailure('conflict', `An environment "${key}" already exists`);
      const env = ctx.db.transaction(() => addEnvironment(ctx, key, name ?? titleCase(key)))();
      return env;
    },

    'environments.rename': ({ key, name }) => {
      mustExist(key);
      ctx.environments.rename(key, name);
      return mustExist(key);
    },

    'environments.delete': ({ key }) => {
      mustExist(key);
      if (ctx.environments.count() <= 1) {
        throw new ApiFailure('conflict', 'The last environment cannot be deleted; create another one first');
      }
      ctx.environments.remove(key);
      return { deleted: true as const };
    },
  };
}
