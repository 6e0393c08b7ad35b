import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webSocketChannel } from './frameChannel';

/** The browser's WebSocket as far as the channel uses it: opened by the test, every sent frame kept. */
class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static last: FakeWebSocket | undefined;
  readyState = FakeWebSocket.CONNECTING;
  sent: unknown[] = [];
  onopen?: () => void;
  onmessage?: (e: { data: string }) => void;
  onclose?: () => void;
  constructor() { FakeWebSocket.last = this; }
  send(text: string) { this.sent.push(JSON.parse(text)); }
  open() { this.readyState = FakeWebSocket.OPEN; this.onopen?.(); }
}

describe('webSocketChannel', () => {
  beforeEach(() => { vi.stubGlobal('WebSocket', FakeWebSocket); });
  afterEach(() => { vi.unstubAllGlobals(); });

  it('sends what was queued before the socket opened, in order', () => {
    const ch = webSocketChannel('ws://127.0.0.1:1/ws');
    ch.send({ t: 'req', id: 1, method: 'kubeconfig.get', params: {} });
    ch.send({ t: 'sub', id: 2, topic: 'resources.watch', params: {} });
    FakeWebSocket.last!.open();
    expect(FakeWebSocket.last!.sent.map((f: any) => [f.t, f.id])).toEqual([['req', 1], ['sub', 2]]);
  });

  it('a subscription closed before the socket opened is never sent (it would hold a watch in the core for nobody)', () => {
    const ch = webSocketChannel('ws://127.0.0.1:1/ws');
    ch.send({ t: 'sub', id: 1, topic: 'resources.watch', params: { namespace: 'default' } });
    ch.send({ t: 'sub', id: 2, topic: 'resources.watch', params: { namespace: 'demo' } });
    ch.send({ t: 'unsub', id: 1 });
    FakeWebSocket.last!.open();
    expect(FakeWebSocket.last!.sent).toEqual([{ t: 'sub', id: 2, topic: 'resources.watch', params: { namespace: 'demo' } }]);
  });

  it('once open, sends every frame at once', () => {
    const ch = webSocketChannel('ws://127.0.0.1:1/ws');
    FakeWebSocket.last!.open();
    ch.send({ t: 'sub', id: 1, topic: 'resources.watch', params: {} });
    ch.send({ t: 'unsub', id: 1 });
    expect(FakeWebSocket.last!.sent.map((f: any) => f.t)).toEqual(['sub', 'unsub']);
  });
});
