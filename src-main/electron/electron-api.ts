import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  OpenDialogOptions,
} from 'electron';

/**
 * The slice of Electron's main-process API the shell uses, written as structural interfaces.
 * `main.ts` passes the real `electron` module (the compiler checks it fits); tests pass the
 * stand-in from `testing/fake-electron.ts`. Keeping the surface this small is itself a review
 * aid: anything the shell can do with Electron is listed here.
 */

/** An Electron event whose default action can be cancelled (navigation, webview, quit). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** `will-navigate` / `will-redirect` / `will-frame-navigate` details. */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** A frame as seen from the main process (`WebFrameMain`). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  /** Unique per document frame; how a sender frame is matched to a window's top frame. */
  readonly frameToken: string;
}

export interface WebContentsLike {
  readonly mainFrame: FrameLike;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface WindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => WindowLike;

/** What a native dialog may be attached to (Electron's `BaseWindow`). */
export interface DialogParent {
  isDestroyed(): boolean;
}

export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  whenReady(): Promise<void>;
  getPath(name: 'userData' | 'documents' | 'home'): string;
  getVersion(): string;
  enableSandbox(): void;
  quit(): void;
}

export interface HeadersReceivedDetails {
  readonly url: string;
  readonly responseHeaders?: Record<string, string[]>;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  readonly webRequest: {
    onHeadersReceived(
      listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void,
    ): void;
  };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** The part of `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface DialogLike {
  showOpenDialog(parent: DialogParent, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(parent: DialogParent, options: MessageBoxOptions): Promise<{ response: number }>;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

export interface MenuApi {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

export interface ShellApi {
  openExternal(url: string): Promise<void>;
}

/** OS-backed encryption (Keychain, DPAPI, libsecret/kwallet); usable only after `ready`. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means a built-in key, i.e. no real protection. */
  getSelectedStorageBackend(): string;
}

/** Everything the shell takes from the `electron` module. */
export interface ElectronMain {
  app: AppLike;
  BrowserWindow: WindowConstructor;
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  session: { readonly defaultSession: SessionLike };
  shell: ShellApi;
  dialog: DialogLike;
  Menu: MenuApi;
  safeStorage: SafeStorageLike;
}
