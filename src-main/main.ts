// The Electron entry: app lifecycle, the main window, the native menu, and the security wiring. The
// policies themselves are pure modules under src-main/electron/ (tested without Electron); this file
// connects them to Electron's objects. The core (kubeconfig, clusters, watches) is the same as in serve
// mode; here its contract travels over IPC to a sandboxed, isolated renderer loaded from app://.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell, type WebContents } from 'electron';
import { join, resolve } from 'node:path';
import { Core } from './core/core';
import { coreHandlers } from './core/service';
import { adoptLoginShellPath } from './core/kubeconfig/loginShellPath';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, devServerUrl, isTrustedPageUrl } from './electron/appOrigin';
import { registerAppProtocol } from './electron/appProtocol';
import { applicationMenuTemplate } from './electron/applicationMenu';
import { guardWebContents, hardenSession } from './electron/hardening';
import { serveContractOverIpc } from './electron/ipcTransport';
import { secureWebPreferences } from './electron/windowSecurity';
import { externalUrlToOpen } from './electron/externalUrlPolicy';
import { loadWindowState, placeWindow, saveWindowState, MIN_HEIGHT, MIN_WIDTH } from './electron/windowState';
import { killAllPluginProcesses } from './core/cluster/pluginProcesses';

// The app root: the project folder under `electron .`, resources/app.asar when packaged.
const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
const preloadPath = join(appRoot, 'dist', 'preload', 'preload.cjs');

// Must happen before `ready`: app:// gets a real origin and counts as a secure context.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
// Every renderer sandboxed, whatever a future BrowserWindow forgets to say.
app.enableSandbox();
// Tests and side-by-side profiles: the same variable serve mode honours (src-main/core/dataDir.ts).
if (process.env.WHEELHOUSE_DATA_DIR) app.setPath('userData', resolve(process.env.WHEELHOUSE_DATA_DIR));

const dev = devServerUrl(process.env.WHEELHOUSE_DEV_URL, app.isPackaged);
if (dev.refused) console.warn(`[wheelhouse] ${dev.refused}`);
const devUrl = dev.url;
const devTools = !app.isPackaged || process.env.WHEELHOUSE_DEVTOOLS === '1';
const isTrusted = (url: string) => isTrustedPageUrl(url, devUrl);

/** The only path to the OS browser; the URL was already checked by the caller, check again anyway. */
function openExternal(url: string): void {
  const safe = externalUrlToOpen(url);
  if (safe) void shell.openExternal(safe).catch((err: unknown) => console.warn('[wheelhouse] could not open a link:', err));
}

if (!app.requestSingleInstanceLock()) {
  // Another Wheelhouse is running; it gets a 'second-instance' event and shows its window.
  app.quit();
} else {
  void main().catch((err: unknown) => {
    console.error('[wheelhouse] failed to start:', err);
    app.exit(1);
  });
}

async function main(): Promise<void> {
  let core: Core | undefined;
  // An app started from the Dock/desktop menu lacks the login shell's PATH, which exec credential
  // plugins need; adopt it before the kubeconfig is loaded. Runs alongside Electron's own start-up.
  const handlers = adoptLoginShellPath()
    .catch(() => undefined)
    .then(() => {
      core = new Core({ dataDir: app.getPath('userData') });
      return coreHandlers(core);
    });
  handlers.catch((err: unknown) => {
    // Without a core the window would wait forever; say why instead.
    dialog.showErrorBox('Wheelhouse could not start', `The core failed to start: ${err instanceof Error ? err.message : String(err)}`);
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devUrl, openExternal));

  await app.whenReady();
  nativeTheme.themeSource = 'system'; // the renderer follows prefers-color-scheme, which tracks this
  hardenSession(session.defaultSession, devUrl);
  registerAppProtocol(protocol, rendererDir);
  const ipc = serveContractOverIpc(ipcMain, handlers, isTrusted);

  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({
    platform: process.platform,
    appName: app.name,
    devTools,
    actions: {
      reloadKubeconfig: () => core?.reload(),
      openDataFolder: () => { void shell.openPath(app.getPath('userData')); },
    },
  })));

  let win: BrowserWindow | undefined;
  const showWindow = () => {
    if (!win || win.isDestroyed()) win = createWindow(ipc.attach);
    else {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
  };
  showWindow();
  app.on('second-instance', showWindow);
  app.on('activate', showWindow); // macOS: Dock click with no window open
  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });

  // Clean quit: stop watches, port-forwards and terminals before the process goes. Bounded, so a
  // hung cluster cannot keep the app from quitting.
  let quit: 'running' | 'disposing' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (quit === 'done') return;
    event.preventDefault();
    if (quit === 'disposing') return;
    quit = 'disposing';
    ipc.close();
    // A credential plugin waiting for a browser login would hold the requests behind it.
    killAllPluginProcesses();
    // Waits for a core still being created (login-shell PATH lookup) so it cannot outlive the app.
    const disposed = handlers.then(() => core?.dispose(), () => undefined);
    const limit = new Promise<void>((r) => setTimeout(r, 5000).unref());
    void Promise.race([disposed, limit]).catch(() => undefined).finally(() => {
      quit = 'done';
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

function createWindow(attach: (contents: WebContents) => void): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const place = placeWindow(loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const background = () => (nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff');
  const win = new BrowserWindow({
    ...(place.x !== undefined && place.y !== undefined ? { x: place.x, y: place.y } : { center: true }),
    width: place.width,
    height: place.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Wheelhouse',
    backgroundColor: background(),
    webPreferences: {
      ...secureWebPreferences(preloadPath, { devTools }),
      // The checklist's essentials restated at the call site, last so nothing above can weaken them,
      // and visible to electronegativity's static scan (it cannot see through the call).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  attach(win.webContents);
  if (place.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const onTheme = () => { if (!win.isDestroyed()) win.setBackgroundColor(background()); };
  nativeTheme.on('updated', onTheme);

  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    saveWindowState(stateFile, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  const saveSoon = () => { clearTimeout(saveTimer); saveTimer = setTimeout(save, 500); };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => { clearTimeout(saveTimer); save(); });
  win.on('closed', () => nativeTheme.off('updated', onTheme));

  // A crashed renderer is reloaded (its session was closed by the transport), but not in a loop.
  const crashes: number[] = [];
  win.webContents.on('render-process-gone', (_e, details) => {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0] < now - 60_000) crashes.shift();
    const reload = details.reason !== 'clean-exit' && crashes.length <= 3 && !win.isDestroyed();
    console.error(`[wheelhouse] renderer ${details.reason} (exit ${details.exitCode})${reload ? '; reloading' : ''}`);
    if (reload) win.webContents.reload();
  });

  // Packaged files through app://, or the loopback Vite dev server in development. Nothing remote.
  void win.loadURL(devUrl ?? APP_ENTRY_URL);
  return win;
}
