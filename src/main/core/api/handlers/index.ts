import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';
import { appHandlers } from './app.handlers';
import { environmentHandlers } from './environments.handlers';
import { eventHandlers } from './events.handlers';
import { mappingHandlers } from './mappings.handlers';
import { portabilityHandlers } from './portability.handlers';
import { scriptHandlers } from './scripts.handlers';
import { settingsHandlers } from './settings.handlers';
import { templateHandlers } from './templates.handlers';
import { sourceHandlers } from './sources.handlers';
import { workspaceHandlers } from './workspace.handlers';

export const createHandlers = (ctx: CoreContext, services: PipelineServices): Handlers => ({
  ...appHandlers(ctx),
  ...environmentHandlers(ctx),
  ...sourceHandlers(ctx),
  ...eventHandlers(ctx, services),
  ...mappingHandlers(ctx),
  ...workspaceHandlers(ctx),
  ...settingsHandlers(ctx, services),
  ...scriptHandlers(ctx),
  ...templateHandlers(ctx, services),
  ...portabilityHandlers(ctx, services),
});
