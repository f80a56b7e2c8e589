import { BrowserWindow, nativeTheme } from 'electron';
import type { UrlPolicy } from './url-policy';

export interface WindowOptions {
  policy: UrlPolicy;
  /** Absolute path of the built CommonJS preload (`out/preload/index.cjs`). */
  preloadPath: string;
  iconPath?: string | undefined;
}

// Matches the renderer's page background, so the window does not flash white before the first paint.
const background = (): string => (nativeTheme.shouldUseDarkColors ? '#15171a' : '#f7f7f8');

/** Opens the app window with every web preference locked down; navigation rules are in security.ts. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Inlet',
    backgroundColor: background(),
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  const onThemeChange = (): void => {
    if (!win.isDestroyed()) win.setBackgroundColor(background());
  };
  nativeTheme.on('updated', onThemeChange);
  win.on('closed', () => nativeTheme.off('updated', onThemeChange));
  win.once('ready-to-show', () => win.show());

  void win.loadURL(options.policy.startUrl);
  return win;
}

/** Shows and focuses a window that may be minimised or hidden in the tray. */
export function revealWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
