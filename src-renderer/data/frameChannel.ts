import type { ClientFrame, ServerFrame } from '../../shared/contract/frames';

/** A bidirectional frame pipe to the main-process core; the contract client does not care which. */
export interface FrameChannel {
  send(frame: ClientFrame): void;
  onFrame(cb: (frame: unknown) => void): () => void;
  /** Called with true when (re)connected, false when the link dropped. */
  onLink(cb: (up: boolean) => void): () => void;
}

/** What the Electron preload exposes on window (contextBridge): frames only, nothing else. */
export interface PreloadBridge {
  send(frame: ClientFrame): void;
  onFrame(cb: (frame: ServerFrame) => void): () => void;
}

declare global {
  interface Window { wheelhouse?: PreloadBridge }
}

export function ipcChannel(bridge: PreloadBridge): FrameChannel {
  return {
    send: (f) => bridge.send(f),
    onFrame: (cb) => bridge.onFrame(cb),
    onLink: (cb) => { cb(true); return () => {}; },
  };
}

/**
 * Serve mode: a WebSocket to the page's own origin (the HttpOnly cookie authenticates it), reconnected
 * with backoff; subscriptions are replayed by the client on reconnect and resync from a snapshot.
 */
export function webSocketChannel(url = defaultWsUrl()): FrameChannel {
  const frameListeners = new Set<(f: unknown) => void>();
  const linkListeners = new Set<(up: boolean) => void>();
  let ws: WebSocket | undefined;
  /** What waits for the socket to open: requests and subscriptions (see send). */
  let queue: ClientFrame[] = [];
  let delay = 250;
  const connect = () => {
    const s = new WebSocket(url, ['wheelhouse']);
    ws = s;
    s.onopen = () => {
      delay = 250;
      for (const f of queue) s.send(JSON.stringify(f));
      queue = [];
      linkListeners.forEach((l) => l(true));
    };
    s.onmessage = (e) => {
      let f: unknown;
      try { f = JSON.parse(String(e.data)); } catch { return; }
      frameListeners.forEach((l) => l(f));
    };
    s.onclose = () => {
      if (ws !== s) return;
      linkListeners.forEach((l) => l(false));
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  connect();
  return {
    send(frame) {
      if (ws?.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(frame)); return; }
      // Not connected. An unsubscribe takes its subscription out of the queue: sent on open, it would
      // hold a watch in the core for the rest of the session with nobody listening. Anything else for
      // a subscription is moot (the session it belonged to is gone; the client replays live ones).
      if (frame.t === 'unsub') queue = queue.filter((q) => !(q.t === 'sub' && q.id === frame.id));
      else if (frame.t === 'req' || frame.t === 'sub') queue.push(frame);
    },
    onFrame(cb) { frameListeners.add(cb); return () => frameListeners.delete(cb); },
    onLink(cb) { linkListeners.add(cb); return () => linkListeners.delete(cb); },
  };
}

function defaultWsUrl(): string {
  const l = window.location;
  return `${l.protocol === 'https:' ? 'wss' : 'ws'}://${l.host}/ws`;
}
