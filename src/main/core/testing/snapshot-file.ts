import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The recorded text of a checked-in snapshot (schema, API doc), written first only when the
 * developer asks with `updateVar=1`. A missing file is a failure, never a silent write: otherwise a
 * CI run that lost the file would record whatever the code produces and compare it with itself.
 */
export function readSnapshotFile(path: string, actual: string, updateVar: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env[updateVar] && !env.CI) writeFileSync(path, actual);
  if (!existsSync(path)) {
    throw new Error(`${basename(path)} is missing: run the test with ${updateVar}=1 to write it, review the file and commit it.`);
  }
  return readFileSync(path, 'utf8');
}
