import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import { appHandlers } from './app.handlers';
import { environmentHandlers } from './environments.handlers';
import { eventHandlers } from './events.handlers';
import { sourceHandlers } from './sources.handlers';

export const createHandlers = (ctx: CoreContext): Handlers => ({
  ...appHandlers(ctx),
  ...environmentHandlers(ctx),
  ...sourceHandlers(ctx),
  ...eventHandlers(ctx),
});
