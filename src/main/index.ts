import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { parseShellArgs } from './shell/args';
import { runDesktopApp, useDataDir } from './shell/desktop-app';

// Electron entry: everything lives in shell/ and core/; this file only decides to start.
const mainDir = dirname(fileURLToPath(import.meta.url));
const args = parseShellArgs(process.argv, process.env);
useDataDir(args.dataDir);

if (!app.requestSingleInstanceLock()) {
  // Another Inlet already owns this data dir and its receiver; it shows its window instead.
  app.quit();
} else {
  runDesktopApp(args, { mainDir, resourcesDir: join(mainDir, '../../resources') }).catch((error: unknown) => {
    console.error('Inlet failed to start:', error);
    app.exit(1);
  });
}
