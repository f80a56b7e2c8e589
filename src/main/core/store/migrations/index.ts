import type { Migration } from '../migrate';
import { initial } from './001-initial';

/** Append only. Never edit a migration that has shipped; add the next one. */
export const migrations: readonly Migration[] = [initial];
