// The preload: the renderer's only door to the main process. It exposes exactly the PreloadBridge
// (src-renderer/data/frameChannel.ts) as `window.wheelhouse`: send a contract frame, receive contract
// frames. No ipcRenderer, no IPC event objects, no Node. Bundled as CommonJS (dist/preload/preload.cjs)
// because sandboxed preloads are not ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClientFrame, ServerFrame } from '../shared/contract/frames';
// Type-only: the compiler keeps this file and the renderer's expectation in step; nothing is bundled.
import type { PreloadBridge } from '../src-renderer/data/frameChannel';
import { FRAME_CHANNEL } from './electron/ipcChannel';

const bridge: PreloadBridge = {
  send(frame: ClientFrame): void {
    // Only plain objects cross; the main process validates every frame against the contract anyway.
    if (typeof frame !== 'object' || frame === null) return;
    ipcRenderer.send(FRAME_CHANNEL, frame);
  },
  onFrame(cb: (frame: ServerFrame) => void): () => void {
    if (typeof cb !== 'function') return () => {};
    // The IPC event (which carries `sender`, i.e. ipcRenderer) is stripped: the page gets data only.
    const listener = (_event: IpcRendererEvent, frame: ServerFrame) => cb(frame);
    ipcRenderer.on(FRAME_CHANNEL, listener);
    return () => { ipcRenderer.removeListener(FRAME_CHANNEL, listener); };
  },
};

contextBridge.exposeInMainWorld('wheelhouse', bridge);
