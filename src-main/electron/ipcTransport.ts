// The contract over Electron IPC: one ContractSession per window's webContents. Every frame's sender is
// checked (our window, its main frame, our origin) before the session sees it; frames go back with
// webContents.send. A reload or a crashed renderer closes the session, so the new page starts clean and
// resubscribes (subscriptions resync from snapshots). Only types come from `electron`: the ipcMain and
// webContents objects are passed in, which keeps this file unit-testable without an Electron binary.
import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import type { ServerFrame } from '../../shared/contract/frames';
import { ContractSession } from '../transport/contractSession';
import type { Handlers } from '../core/handlers';
import { FRAME_CHANNEL } from './ipcChannel';

/** The parts of a WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly frameToken: string;
  readonly parent: unknown;
  readonly detached?: boolean;
}

/** The parts of a WebContents the transport uses. */
export interface FrameTarget {
  readonly id: number;
  readonly mainFrame: SenderFrame;
  isDestroyed(): boolean;
  send(channel: string, frame: ServerFrame): void;
}

export interface FrameEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

/**
 * The sender check: the frame must still be attached, be the top-level main frame of the very
 * webContents we attached (same frame token), and show a page from a trusted origin. Iframes, other
 * windows, and pages that navigated elsewhere are refused.
 */
export function isTrustedSender(event: FrameEvent, target: FrameTarget, isTrustedUrl: (url: string) => boolean): boolean {
  if (event.sender.id !== target.id || target.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || frame.detached) return false;
  if (frame.parent !== null) return false;
  if (frame.frameToken !== target.mainFrame.frameToken) return false;
  return isTrustedUrl(frame.url);
}

interface Attached {
  target: FrameTarget;
  session?: ContractSession;
  /** Frames that arrived before the core was ready (the login-shell PATH lookup can take a moment). */
  pending: unknown[];
}

export class IpcContractTransport {
  private readonly attached = new Map<number, Attached>();
  private handlers?: Handlers;
  private closed = false;
  /** Frames refused by the sender check (for tests and diagnostics). */
  refused = 0;

  constructor(handlers: Handlers | Promise<Handlers>, private readonly isTrustedUrl: (url: string) => boolean) {
    void Promise.resolve(handlers).then((h) => {
      this.handlers = h;
      for (const a of this.attached.values()) this.flush(a);
    }, (err: unknown) => {
      console.error('[wheelhouse] the core failed to start:', err);
    });
  }

  /** Starts serving a window's webContents. Frames from anything not attached are dropped. */
  attach(target: FrameTarget): void {
    if (this.closed || this.attached.has(target.id)) return;
    this.attached.set(target.id, { target, pending: [] });
  }

  /** The main frame loaded a new document (reload, crash recovery): end the old page's session. */
  documentChanged(id: number): void {
    const a = this.attached.get(id);
    if (!a) return;
    a.session?.close();
    a.session = undefined;
    a.pending = [];
  }

  detach(id: number): void {
    this.documentChanged(id);
    this.attached.delete(id);
  }

  receive(event: FrameEvent, frame: unknown): void {
    const a = this.attached.get(event.sender.id);
    if (!a || !isTrustedSender(event, a.target, this.isTrustedUrl)) {
      this.refused++;
      return;
    }
    if (!this.handlers) {
      if (a.pending.length < 10_000) a.pending.push(frame);
      return;
    }
    this.sessionFor(a).receive(frame);
  }

  private flush(a: Attached): void {
    if (!a.pending.length || !this.handlers) return;
    const frames = a.pending;
    a.pending = [];
    const s = this.sessionFor(a);
    for (const f of frames) s.receive(f);
  }

  private sessionFor(a: Attached): ContractSession {
    if (!a.session) {
      const target = a.target;
      a.session = new ContractSession(this.handlers!, (frame) => {
        if (target.isDestroyed()) return;
        try {
          target.send(FRAME_CHANNEL, frame);
        } catch (err) {
          console.error('[wheelhouse] could not send a frame to the renderer:', err);
        }
      });
    }
    return a.session;
  }

  sessions(): number {
    let n = 0;
    for (const a of this.attached.values()) if (a.session) n++;
    return n;
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.attached.keys()]) this.detach(id);
  }
}

/**
 * Wires the transport to Electron: one `ipcMain` listener on FRAME_CHANNEL, and per window the events
 * that end a page's session. Returns the transport; `attach(webContents)` for every app window.
 */
export function serveContractOverIpc(ipcMain: IpcMain, handlers: Handlers | Promise<Handlers>, isTrustedUrl: (url: string) => boolean) {
  const transport = new IpcContractTransport(handlers, isTrustedUrl);
  const onFrame = (event: IpcMainEvent, frame: unknown) => transport.receive(event, frame);
  ipcMain.on(FRAME_CHANNEL, onFrame);
  return {
    transport,
    attach(contents: WebContents): void {
      transport.attach(contents);
      const id = contents.id;
      // A committed main-frame navigation is a new document (reload included): its old subscriptions go.
      contents.on('did-navigate', () => transport.documentChanged(id));
      contents.on('render-process-gone', () => transport.documentChanged(id));
      contents.once('destroyed', () => transport.detach(id));
    },
    close(): void {
      ipcMain.removeListener(FRAME_CHANNEL, onFrame);
      transport.close();
    },
  };
}
