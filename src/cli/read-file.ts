import { readFileSync } from 'node:fs';
import { badInput } from './errors';

/** A file the user named, as text; a file that can't be read is bad input (exit 2) with the reason in words. */
export function readInputFile(file: string, what = 'file'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw badInput(`Can't read the ${what} ${file}: ${why}`);
  }
}
