import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { parseShellArgs } from './shell/args';
import { runDesktopApp } from './shell/desktop-app';

// Electron entry: everything lives in shell/ and core/; this file only decides to start.
const mainDir = dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) {
  // Another Inlet already owns the receiver port and the database; it shows its window instead.
  app.quit();
} else {
  runDesktopApp(parseShellArgs(process.argv, process.env), { mainDir, resourcesDir: join(mainDir, '../../resources') }).catch(
    (error: unknown) => {
      console.error('Inlet failed to start:', error);
      app.exit(1);
    },
  );
}
