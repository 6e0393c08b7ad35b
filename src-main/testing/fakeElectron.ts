// A test double of the slice of Electron's main-process API that src-main/main.ts uses, so main.ts
// itself (its order of calls, its wiring of the policies, the IPC transport on a real Core) can be run
// where Electron's binary is absent. It records what main.ts asked for; it does not pretend to be a
// browser. Used by mainProcess.int.test.ts through vi.mock('electron').
import { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void { this.defaultPrevented = true; }
}

export class FakeFrame {
  parent: FakeFrame | null = null;
  detached = false;
  constructor(public url: string, public frameToken: string) {}
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame = new FakeFrame('', `frame-${this.id}-1`);
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler?: (d: { url: string }) => { action: string };
  private destroyed = false;
  private loads = 0;

  isDestroyed(): boolean { return this.destroyed; }
  send(channel: string, payload: unknown): void { this.sent.push({ channel, payload }); }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void { this.windowOpenHandler = h; }
  getURL(): string { return this.mainFrame.url; }
  /** A committed main-frame navigation: a new document in a new frame host. */
  navigate(url: string): void {
    this.loads++;
    this.mainFrame = new FakeFrame(url, `frame-${this.id}-${this.loads + 1}`);
    this.emit('did-navigate', new FakeEvent(url), url);
  }
  reload(): void { this.navigate(this.mainFrame.url); }
  destroy(): void { this.destroyed = true; this.emit('destroyed'); }
}

export function createFakeElectron(opts: { appPath: string; userData: string; singleInstance?: boolean }) {
  const calls: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  let ready = false;
  let quitted = false;
  const paths: Record<string, string> = { userData: opts.userData };

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    name: 'Wheelhouse',
    getAppPath: () => opts.appPath,
    getPath: (name: string) => paths[name] ?? opts.userData,
    setPath: (name: string, p: string) => { calls.push(`app.setPath(${name})${ready ? ' after ready' : ''}`); paths[name] = p; },
    enableSandbox: () => { calls.push(`app.enableSandbox${ready ? ' after ready' : ''}`); },
    requestSingleInstanceLock: () => opts.singleInstance !== false,
    whenReady: async () => {
      await new Promise((r) => setTimeout(r, 10));
      ready = true;
      calls.push('ready');
    },
    isReady: () => ready,
    /** Electron's quit: 'will-quit' may be prevented; otherwise the app is gone. */
    quit: () => {
      calls.push('app.quit');
      const e = new FakeEvent();
      app.emit('will-quit', e);
      if (!e.defaultPrevented) quitted = true;
    },
    exit: (code: number) => { calls.push(`app.exit(${code})`); quitted = true; },
  });

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (req: { url: string; method: string }) => Promise<Response> | Response>(),
    registerSchemesAsPrivileged(schemes: unknown[]) { calls.push(`protocol.registerSchemesAsPrivileged${ready ? ' after ready' : ''}`); this.privileged.push(...schemes); },
    handle(scheme: string, h: (req: { url: string; method: string }) => Promise<Response> | Response) { this.handlers.set(scheme, h); },
  };

  const defaultSession = {
    permissionRequest: undefined as undefined | Listener,
    permissionCheck: undefined as undefined | Listener,
    devicePermission: undefined as undefined | Listener,
    beforeRequest: undefined as undefined | Listener,
    setPermissionRequestHandler(h: Listener) { this.permissionRequest = h; },
    setPermissionCheckHandler(h: Listener) { this.permissionCheck = h; },
    setDevicePermissionHandler(h: Listener) { this.devicePermission = h; },
    webRequest: { onBeforeRequest: (h: Listener) => { defaultSession.beforeRequest = h; } },
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl?: string;
    shown = false;
    maximized = false;
    private destroyed = false;
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.navigate(url);
      this.emit('ready-to-show');
    }
    show() { this.shown = true; }
    focus() {}
    isMinimized() { return false; }
    restore() {}
    maximize() { this.maximized = true; }
    isMaximized() { return this.maximized; }
    isDestroyed() { return this.destroyed; }
    setBackgroundColor() {}
    getNormalBounds() { return { x: 10, y: 20, width: this.options.width, height: this.options.height }; }
    close() {
      this.emit('close', new FakeEvent());
      this.destroyed = true;
      this.webContents.destroy();
      this.emit('closed');
      if (windows.every((w) => w.isDestroyed())) app.emit('window-all-closed');
    }
  }

  const shell = {
    opened: [] as string[],
    openExternal: async (url: string) => { shell.opened.push(url); },
    openPath: async () => '',
  };

  const electron = {
    app,
    protocol,
    session: { defaultSession },
    ipcMain: new EventEmitter(),
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      template: undefined as unknown,
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => { electron.Menu.template = m; },
    },
    nativeTheme: Object.assign(new EventEmitter(), { themeSource: 'light', shouldUseDarkColors: false }),
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell,
    dialog: { errors: [] as string[], showErrorBox: (title: string, body: string) => { electron.dialog.errors.push(`${title}: ${body}`); } },
  };
  return { electron, calls, windows, isQuitted: () => quitted };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
