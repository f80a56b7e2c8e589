import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { consoleLogger } from '../core/ports';
import nodeFlags from '../host/node-flags.json';
import { publishControl, type PublishedControl } from '../host/publish-control';
import type { ShellArgs } from './args';
import { createElectronPorts } from './electron-ports';
import { forwardPushEvents } from './event-forwarder';
import { registerIpcBridge } from './ipc-bridge';
import { withSaveDialog } from './save-dialog';
import { installAppMenu } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { createTray, type InletTray } from './tray';
import { createUrlPolicy, parseDevServerUrl } from './url-policy';
import { createMainWindow, revealWindow } from './window';

/** Where electron-vite put the other bundles, relative to `out/main/`. */
export interface BuildLayout {
  mainDir: string;
  resourcesDir: string;
}

const logger = consoleLogger;

/**
 * Names the app and fixes its data dir before anything reads `userData` (the single-instance lock
 * does). The default matches the headless host's (`<appData>/Inlet`), so both hosts open the same
 * log; with `--data-dir`, Chromium's own files go there too and the lock is per data dir.
 */
export function useDataDir(dataDir: string | undefined): string {
  app.setName('Inlet');
  app.setPath('userData', dataDir ? resolve(dataDir) : join(app.getPath('appData'), 'Inlet'));
  return app.getPath('userData');
}

function abiHint(args: ShellArgs): string {
  return args.sqliteNativeBinding
    ? `The Electron build of better-sqlite3 at ${args.sqliteNativeBinding} did not load.`
    : 'No Electron build of better-sqlite3 was given (INLET_SQLITE_BINDING); start the app with `npm start`, which prepares one.';
}

/** Wires core, IPC, window, tray and menu; call `useDataDir` first. Resolves once the window is open. */
export async function runDesktopApp(args: ShellArgs, layout: BuildLayout): Promise<void> {
  // The headless host's V8 flags that work once running (the receiver runs in this process; why: node-flags.json).
  for (const flag of nodeFlags.whileRunning) setFlagsFromString(flag);
  // Every renderer sandboxed, whatever a BrowserWindow's own options say.
  app.enableSandbox();
  await app.whenReady();

  const dataDir = app.getPath('userData');
  const devServer = app.isPackaged ? null : parseDevServerUrl(process.env['ELECTRON_RENDERER_URL']);
  const policy = createUrlPolicy({
    rendererFileUrl: pathToFileURL(join(layout.mainDir, '../renderer/index.html')).href,
    devServerUrl: devServer?.href,
  });

  let core: Core;
  try {
    core = await createCore(createElectronPorts(dataDir, logger), {
      ...(args.receiverPort !== undefined ? { receiverPort: args.receiverPort } : {}),
      ...(args.sqliteNativeBinding ? { sqliteNativeBinding: args.sqliteNativeBinding } : {}),
      sandboxWorkerPath: join(layout.mainDir, 'preprocess-worker.js'),
      checkpointInBackground: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /NODE_MODULE_VERSION|better_sqlite3|nativeBinding/i.test(message) ? `\n\n${abiHint(args)}` : '';
    dialog.showErrorBox('Inlet could not start', `${message}${hint}`);
    app.exit(1);
    return;
  }
  logger.info(`Inlet is receiving at ${core.receiverUrl} (data in ${dataDir})`);
  // `inlet` commands on this data dir talk to the app (control.json, as `inlet serve` writes it)
  // instead of finding the data dir locked. The app works without it.
  let control: PublishedControl | undefined;
  try {
    control = await publishControl(core, dataDir);
  } catch (error) {
    logger.warn('inlet commands cannot attach: the control API did not start', { error: String(error) });
  }

  hardenSession(session.defaultSession, policy, devServer?.origin);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy, (url) => shell.openExternal(url), logger));
  installAppMenu({ dataDir, devTools: !app.isPackaged });

  const askSavePath = async (name: string) => {
    const chosen = await dialog.showSaveDialog({ defaultPath: join(app.getPath('downloads'), name) });
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };
  const unregisterIpc = registerIpcBridge(ipcMain, { dispatch: withSaveDialog(core.dispatch.bind(core), askSavePath) }, policy, logger);
  // Only to pages the policy trusts, like the IPC bridge: push events carry payload metadata.
  const appContents = () => BrowserWindow.getAllWindows().map((w) => w.webContents).filter((c) => policy.isAppUrl(c.getURL()));
  const unforward = forwardPushEvents(core, appContents);

  const windowOptions = { policy, preloadPath: join(layout.mainDir, '../preload/index.cjs'), iconPath: join(layout.resourcesDir, 'icon.png') };
  let mainWindow = createMainWindow(windowOptions);
  const openWindow = (): void => {
    if (mainWindow.isDestroyed()) mainWindow = createMainWindow(windowOptions);
    else revealWindow(mainWindow);
  };

  let tray: InletTray | undefined;
  try {
    const trayIcon = process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
    tray = createTray({ iconPath: join(layout.resourcesDir, trayIcon), receiverUrl: core.receiverUrl, openWindow, quit: () => app.quit() });
  } catch (error) {
    // Some Linux desktops have no status area; the app works without a tray.
    logger.warn('no tray icon', { error: String(error) });
  }
  const untray = tray ? core.subscribe((message) => tray?.update(message)) : () => {};

  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock (and keep receiving) with no window; elsewhere closing means quitting.
    if (process.platform !== 'darwin') app.quit();
  });

  handleQuit(async () => {
    untray();
    unforward();
    unregisterIpc();
    tray?.destroy();
    await control?.close();
    await core.close();
  });
}

/**
 * Holds the quit until `shutdown` finished, so the receiver stops and pending rows are committed
 * before the process exits. Ctrl+C from `npm start` takes the same path.
 */
function handleQuit(shutdown: () => Promise<void>): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    shutdown()
      .catch((error: unknown) => logger.error('shutdown failed', { error: String(error) }))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
}
