import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import type { Handlers } from '../core/handlers';
import { isAppUrl } from './appOrigin';
import { FRAME_CHANNEL } from './ipcChannel';
import { IpcContractTransport, isTrustedSender, serveContractOverIpc, type FrameEvent, type SenderFrame } from './ipcTransport';

const state = { files: [], contexts: [], errors: [] };

function handlers(cleanup = vi.fn()): Handlers {
  return {
    methods: { 'kubeconfig.get': async () => state },
    topics: { 'kubeconfig.watch': (_p, sink) => { sink.emit(state); return cleanup; } },
  };
}

function fakeContents(id = 1, url = 'app://wheelhouse/index.html') {
  const mainFrame: SenderFrame & { url: string } = { url, frameToken: `tok-${id}`, parent: null, detached: false };
  const sent: unknown[] = [];
  let destroyed = false;
  return {
    id, mainFrame, sent,
    isDestroyed: () => destroyed,
    destroy: () => { destroyed = true; },
    send: (channel: string, frame: unknown) => { expect(channel).toBe(FRAME_CHANNEL); sent.push(frame); },
  };
}

const fromMain = (c: ReturnType<typeof fakeContents>): FrameEvent => ({ sender: { id: c.id }, senderFrame: c.mainFrame });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('isTrustedSender', () => {
  const c = fakeContents();
  it('accepts the main frame of the attached contents on our origin', () => {
    expect(isTrustedSender(fromMain(c), c, isAppUrl)).toBe(true);
  });
  it('refuses subframes, other contents, detached frames, null frames and foreign origins', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { ...c.mainFrame, parent: c.mainFrame } }, c, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { ...c.mainFrame, frameToken: 'other' } }, c, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: c.mainFrame }, c, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { ...c.mainFrame, detached: true } }, c, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null }, c, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { ...c.mainFrame, url: 'https://evil.example/' } }, c, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { ...c.mainFrame, url: 'file:///tmp/x.html' } }, c, isAppUrl)).toBe(false);
  });
});

describe('IpcContractTransport', () => {
  it('answers requests from a trusted sender through webContents.send', async () => {
    const t = new IpcContractTransport(handlers(), isAppUrl);
    const c = fakeContents();
    t.attach(c);
    t.receive(fromMain(c), { t: 'req', id: 1, method: 'kubeconfig.get', params: {} });
    await tick();
    expect(c.sent).toEqual([{ t: 'res', id: 1, ok: true, result: state }]);
  });

  it('drops frames from unattached contents and untrusted frames without answering', async () => {
    const t = new IpcContractTransport(handlers(), isAppUrl);
    const c = fakeContents();
    t.attach(c);
    const stranger = fakeContents(2);
    t.receive(fromMain(stranger), { t: 'req', id: 1, method: 'kubeconfig.get', params: {} });
    t.receive({ sender: { id: 1 }, senderFrame: { ...c.mainFrame, parent: {} } }, { t: 'req', id: 2, method: 'kubeconfig.get', params: {} });
    c.mainFrame.url = 'https://evil.example/';
    t.receive(fromMain(c), { t: 'req', id: 3, method: 'kubeconfig.get', params: {} });
    await tick();
    expect(c.sent).toEqual([]);
    expect(stranger.sent).toEqual([]);
    expect(t.refused).toBe(3);
    expect(t.sessions()).toBe(0);
  });

  it('queues frames until the core is ready, then answers them in order', async () => {
    let ready!: (h: Handlers) => void;
    const t = new IpcContractTransport(new Promise<Handlers>((r) => { ready = r; }), isAppUrl);
    const c = fakeContents();
    t.attach(c);
    t.receive(fromMain(c), { t: 'sub', id: 1, topic: 'kubeconfig.watch', params: {} });
    t.receive(fromMain(c), { t: 'req', id: 2, method: 'kubeconfig.get', params: {} });
    await tick();
    expect(c.sent).toEqual([]);
    ready(handlers());
    await tick();
    await tick();
    expect(c.sent).toEqual([
      { t: 'ev', id: 1, seq: 1, event: state },
      { t: 'res', id: 2, ok: true, result: state },
    ]);
  });

  it('closes the session when the page reloads, and a new page starts a fresh one', async () => {
    const cleanup = vi.fn();
    const t = new IpcContractTransport(handlers(cleanup), isAppUrl);
    const c = fakeContents();
    t.attach(c);
    await tick();
    t.receive(fromMain(c), { t: 'sub', id: 1, topic: 'kubeconfig.watch', params: {} });
    expect(t.sessions()).toBe(1);
    t.documentChanged(c.id);
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(t.sessions()).toBe(0);
    t.receive(fromMain(c), { t: 'sub', id: 1, topic: 'kubeconfig.watch', params: {} });
    expect(t.sessions()).toBe(1);
    expect(c.sent.filter((f) => (f as { t: string }).t === 'ev')).toHaveLength(2);
  });

  it('stops sending to destroyed contents and forgets them', async () => {
    const cleanup = vi.fn();
    const t = new IpcContractTransport(handlers(cleanup), isAppUrl);
    const c = fakeContents();
    t.attach(c);
    await tick();
    t.receive(fromMain(c), { t: 'sub', id: 1, topic: 'kubeconfig.watch', params: {} });
    c.destroy();
    t.detach(c.id);
    expect(cleanup).toHaveBeenCalledTimes(1);
    t.receive(fromMain(c), { t: 'req', id: 2, method: 'kubeconfig.get', params: {} });
    await tick();
    expect(c.sent).toHaveLength(1);
  });
});

describe('serveContractOverIpc', () => {
  it('listens on the frame channel and ends sessions on navigation, crash and destruction', async () => {
    const ipcMain = new EventEmitter();
    const cleanup = vi.fn();
    const ipc = serveContractOverIpc(ipcMain as unknown as IpcMain, handlers(cleanup), isAppUrl);
    const fake = fakeContents();
    const contents = Object.assign(new EventEmitter(), fake);
    ipc.attach(contents as unknown as WebContents);
    await tick();
    const subscribe = () => ipcMain.emit(FRAME_CHANNEL, fromMain(fake), { t: 'sub', id: 1, topic: 'kubeconfig.watch', params: {} });

    subscribe();
    expect(ipc.transport.sessions()).toBe(1);
    contents.emit('did-navigate');
    expect(cleanup).toHaveBeenCalledTimes(1);

    subscribe();
    contents.emit('render-process-gone');
    expect(cleanup).toHaveBeenCalledTimes(2);

    subscribe();
    contents.emit('destroyed');
    expect(cleanup).toHaveBeenCalledTimes(3);
    subscribe();
    expect(ipc.transport.sessions()).toBe(0);

    ipc.close();
    expect(ipcMain.listenerCount(FRAME_CHANNEL)).toBe(0);
  });
});
