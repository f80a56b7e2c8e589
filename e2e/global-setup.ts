import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The specs drive the built host, so build first when the sources are newer than the build (the
 * same check `npm run serve` makes). The path is computed so TypeScript does not type the script.
 */
export default async function globalSetup(): Promise<void> {
  const script = pathToFileURL(join(process.cwd(), 'scripts', 'serve.mjs')).href;
  const { buildIfStale } = (await import(script)) as { buildIfStale(): boolean };
  if (!buildIfStale()) throw new Error('electron-vite build failed; the e2e specs need out/main/serve.js');
}
