import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The specs drive the built host. `npm test` builds first; a bare `npx playwright test` builds
 * only when there is no build at all (set INLET_E2E_BUILD=1 to force a fresh one).
 */
export default function globalSetup(): void {
  const root = process.cwd();
  const built = existsSync(join(root, 'out/main/serve.js')) && existsSync(join(root, 'out/renderer/index.html'));
  if (built && process.env.INLET_E2E_BUILD !== '1') return;
  // The package's exports map hides its bin file from require.resolve, so point at it directly.
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed; the e2e specs need out/main/serve.js');
}
