import type { Migration } from '../migrate';
import { initial } from './001-initial';
import { workspace } from './002-workspace';
import { workspaceLifecycle } from './003-workspace-lifecycle';
import { eventOutcomes } from './004-event-outcomes';
import { deliveries } from './005-deliveries';
import { payloadShapes } from './006-payload-shapes';
import { fixtures } from './007-fixtures';
import { mappingOverrides } from './008-mapping-overrides';
import { replayEdits } from './009-replay-edits';
import { deliveryDueIndex } from './010-delivery-due-index';
import { dropDeliveriesPending } from './011-drop-deliveries-pending';
import { deliveryOutbox } from './012-delivery-outbox';
import { searchIndexFile } from './013-search-index-file';

/** Append only. Never edit a migration that has shipped; add the next one. */
export const migrations: readonly Migration[] = [initial, workspace, workspaceLifecycle, eventOutcomes, deliveries, payloadShapes, fixtures, mappingOverrides, replayEdits, deliveryDueIndex, dropDeliveriesPending, deliveryOutbox, searchIndexFile];
