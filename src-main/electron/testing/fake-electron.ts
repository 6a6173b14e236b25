import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';
import type {
  AppLike,
  DialogParent,
  ElectronMain,
  FrameLike,
  HeadersReceivedDetails,
  InvokeEventLike,
  NavigationEvent,
  PreventableEvent,
  WebContentsLike,
  WindowLike,
} from '../electron-api.js';

/**
 * A stand-in for the `electron` module, precise enough to drive the shell in plain Node: it
 * records what the shell configures and lets a test fire the events Electron would fire.
 * It implements the same interfaces the real module is compiled against (electron-api.ts).
 */

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped = (...args: never[]) => {
      this.off(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    return this.off(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeNavigationEvent extends FakeEvent implements NavigationEvent {
  constructor(readonly url: string) {
    super();
  }
}

let frameCounter = 0;
export class FakeFrame implements FrameLike {
  readonly frameToken = `frame-${++frameCounter}`;
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends Emitter implements WebContentsLike {
  readonly mainFrame = new FakeFrame('about:blank');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a navigation event the way Chromium would and reports whether it was cancelled. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const e = new FakeNavigationEvent(url);
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export interface FakeWindow extends WindowLike {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[];
  visible: boolean;
  focused: boolean;
  minimized: boolean;
  emit(event: string, ...args: unknown[]): void;
  close(): void;
}

export class FakeApp extends Emitter implements AppLike {
  isPackaged = false;
  lockAvailable = true;
  lockData: Record<string, unknown> | undefined;
  sandboxEnabled = false;
  quitCount = 0;
  /** Set once a quit got past `before-quit` without being cancelled. */
  quitCompleted = false;
  version = '9.8.7';
  readonly paths: Record<string, string> = {};
  private markReady: () => void = () => {};
  private readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.lockData = additionalData;
    return this.lockAvailable;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Electron's `ready`: tests decide when it happens. */
  fireReady(): void {
    this.markReady();
  }
  getPath(name: 'userData' | 'documents' | 'home'): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  getVersion(): string {
    return this.version;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  quit(): void {
    this.quitCount += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitCompleted = true;
  }
}

export function createFakeElectron() {
  const app = new FakeApp();
  const windows: FakeWindow[] = [];

  class FakeBrowserWindow extends Emitter implements FakeWindow {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    visible = false;
    focused = false;
    minimized = false;
    destroyed = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      this.webContents.mainFrame.url = url;
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  const ipcMain = {
    handlers: new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>(),
    handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
      // Electron refuses a second handler on a channel; so does the fake.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener);
    },
    removeHandler(channel: string): void {
      this.handlers.delete(channel);
    },
    /** What `ipcRenderer.invoke` would trigger in the main process. */
    invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
      const handler = this.handlers.get(channel);
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return handler(event, ...args);
    },
  };

  const ipcRenderer = Object.assign(new Emitter(), {
    invocations: [] as { channel: string; args: unknown[] }[],
    answer: (_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }),
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      ipcRenderer.invocations.push({ channel, args });
      return ipcRenderer.answer(channel, ...args);
    },
  });

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown): void {
      contextBridge.exposed.set(key, api);
    },
  };

  const protocol = {
    privileged: [] as CustomScheme[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      protocol.handlers.set(scheme, handler);
    },
  };

  type HeadersCallback = (response: { responseHeaders?: Record<string, string[]> }) => void;
  const defaultSession = {
    permissionRequestHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheckHandler: null as null | ((contents: unknown, permission: string) => boolean),
    headersListener: null as null | ((details: HeadersReceivedDetails, callback: HeadersCallback) => void),
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
      defaultSession.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: (details: HeadersReceivedDetails, callback: HeadersCallback) => void): void {
        defaultSession.headersListener = listener;
      },
    },
  };

  const shell = {
    opened: [] as string[],
    failWith: null as Error | null,
    async openExternal(url: string): Promise<void> {
      if (shell.failWith) throw shell.failWith;
      shell.opened.push(url);
    },
  };

  type OpenResult = { canceled: boolean; filePaths: string[] };
  const dialog = {
    openCalls: [] as { parent: DialogParent | null; options: OpenDialogOptions }[],
    messageCalls: [] as { parent: DialogParent | null; options: MessageBoxOptions }[],
    openResults: [] as OpenResult[],
    messageResponses: [] as number[],
    showOpenDialog(parentOrOptions: DialogParent | OpenDialogOptions, maybeOptions?: OpenDialogOptions): Promise<OpenResult> {
      const parent = maybeOptions ? (parentOrOptions as DialogParent) : null;
      dialog.openCalls.push({ parent, options: maybeOptions ?? (parentOrOptions as OpenDialogOptions) });
      return Promise.resolve(dialog.openResults.shift() ?? { canceled: true, filePaths: [] });
    },
    showMessageBox(parentOrOptions: DialogParent | MessageBoxOptions, maybeOptions?: MessageBoxOptions): Promise<{ response: number }> {
      const parent = maybeOptions ? (parentOrOptions as DialogParent) : null;
      dialog.messageCalls.push({ parent, options: maybeOptions ?? (parentOrOptions as MessageBoxOptions) });
      return Promise.resolve({ response: dialog.messageResponses.shift() ?? 0 });
    },
  };

  type FakeMenu = { template: MenuItemConstructorOptions[] };
  const Menu = {
    applicationMenu: null as FakeMenu | null,
    buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
      return { template };
    },
    setApplicationMenu(menu: unknown): void {
      Menu.applicationMenu = menu as FakeMenu | null;
    },
  };

  /** Reversible but not plaintext, so a test can tell an encrypted file from a clear one. */
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: (): boolean => safeStorage.available,
    getSelectedStorageBackend: (): string => safeStorage.backend,
    encryptString: (plainText: string): Buffer => Buffer.from(`fake-os-encrypted:${Buffer.from(plainText, 'utf8').toString('base64')}`),
    decryptString(encrypted: Buffer): string {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('fake-os-encrypted:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice('fake-os-encrypted:'.length), 'base64').toString('utf8');
    },
  };

  const fake = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    session: { defaultSession },
    shell,
    dialog,
    Menu,
    safeStorage,
    /** Every window the code under test created, oldest first. */
    windows,
  };
  // Compile-time proof that the fake offers everything the shell takes from Electron.
  const asMain: ElectronMain = fake;
  void asMain;
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Finds a menu item by its label path, e.g. `['File', 'Open case…']` (mnemonic `&` ignored). */
export function findMenuItem(template: readonly MenuItemConstructorOptions[], path: readonly string[]): MenuItemConstructorOptions | undefined {
  const [head, ...rest] = path;
  const item = template.find((entry) => entry.label?.replace(/&(?!&)/g, '') === head);
  if (!item || rest.length === 0) return item;
  return Array.isArray(item.submenu) ? findMenuItem(item.submenu as MenuItemConstructorOptions[], rest) : undefined;
}
