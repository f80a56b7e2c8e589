import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';
import { appHandlers } from './app.handlers';
import { captureHandlers } from './captures.handlers';
import { bundleHandlers } from './bundles.handlers';
import { destinationHandlers } from './destinations.handlers';
import { environmentHandlers } from './environments.handlers';
import { exportHandlers } from './exports.handlers';
import { eventHandlers } from './events.handlers';
import { fixtureHandlers } from './fixtures.handlers';
import { healthHandlers } from './health.handlers';
import { mappingHandlers } from './mappings.handlers';
import { retentionHandlers } from './retention.handlers';
import { settingsHandlers } from './settings.handlers';
import { shapeHandlers } from './shapes.handlers';
import { sourceHandlers } from './sources.handlers';
import { templateHandlers } from './templates.handlers';
import { tunnelHandlers } from './tunnel.handlers';
import { verificationHandlers } from './verification.handlers';
import { workflowHandlers } from './workflows.handlers';
import { workspaceHandlers } from './workspace.handlers';

/** One file per contract domain. The dispatcher has parsed the input; a handler calls its domain module and returns. */
export const createHandlers = (ctx: CoreContext, services: PipelineServices): Handlers => ({
  ...appHandlers(ctx),
  ...captureHandlers(ctx, services),
  ...bundleHandlers(ctx, services),
  ...destinationHandlers(ctx, services),
  ...environmentHandlers(ctx),
  ...exportHandlers(ctx),
  ...eventHandlers(ctx, services),
  ...fixtureHandlers(ctx, services),
  ...healthHandlers(services),
  ...mappingHandlers(ctx),
  ...retentionHandlers(services),
  ...settingsHandlers(ctx, services),
  ...shapeHandlers(ctx),
  ...sourceHandlers(ctx),
  ...templateHandlers(),
  ...tunnelHandlers(services),
  ...verificationHandlers(),
  ...workflowHandlers(ctx),
  ...workspaceHandlers(ctx),
});
