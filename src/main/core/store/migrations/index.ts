import type { Migration } from '../migrate';
import { initial } from './001-initial';
import { workspace } from './002-workspace';

/** Append only. Never edit a migration that has shipped; add the next one. */
export const migrations: readonly Migration[] = [initial, workspace];
