// Downloads and uploads of a container's files, over the core's files.download / files.upload
// topics: progress, cancel and the outcome for the Files tab. Uploads are tar archives built here
// with shared/files/tar.ts (so a folder keeps its layout) and streamed with a bounded window.
import type { ContractClient } from '../../data/contractClient';
import { tarEnd, tarHeader, tarPadding, tarSize, type TarWriteEntry } from '../../../shared/files/tar';
import { formatBytes } from '../../../shared/model/formatBytes';

export interface Transfer {
  id: number;
  direction: 'down' | 'up';
  label: string;
  bytes: number;
  total?: number;
  /** What the bytes are, when not the file itself (an upload's tar archive). */
  note?: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  message?: string;
  cancel(): void;
}

type Update = (t: Transfer) => void;
let nextId = 1;

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Hands bytes to the browser as a download named `name`. */
function save(parts: Uint8Array[], name: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ContainerTarget { context: string; namespace: string; pod: string; container: string }

/** A file arrives as itself; a folder as `<name>.tar`. */
export function startDownload(client: ContractClient, t: ContainerTarget, path: string, update: Update): Transfer {
  const parts: Uint8Array[] = [];
  let name = path.slice(path.lastIndexOf('/') + 1) || 'download';
  let kind: 'file' | 'tar' = 'file';
  const tr: Transfer = { id: nextId++, direction: 'down', label: name, bytes: 0, state: 'running', cancel: () => {} };
  const set = (p: Partial<Transfer>) => { Object.assign(tr, p); update({ ...tr }); };
  const sub = client.subscribe('files.download', { ...t, path }, {
    onEvent: (e, seq) => {
      if (e.type === 'start') { name = e.name; kind = e.kind; set({ label: e.name, total: e.size }); }
      else if (e.type === 'data') { const b = fromBase64(e.data); parts.push(b); set({ bytes: tr.bytes + b.length }); }
      else if (e.type === 'done') {
        save(parts, name, kind === 'tar' ? 'application/x-tar' : 'application/octet-stream');
        set({ state: 'done', total: tr.total ?? tr.bytes, message: e.warnings.length ? e.warnings.join(' ') : undefined });
      }
      sub.ack(seq);
    },
    onEnd: (err) => { if (err && tr.state === 'running') set({ state: 'failed', message: err.message }); },
  });
  tr.cancel = () => { if (tr.state !== 'running') return; sub.close(); set({ state: 'cancelled', message: 'Cancelled; nothing was saved.' }); };
  update({ ...tr });
  return tr;
}

/** The archive entries for picked files: `webkitRelativePath` keeps a folder's layout. */
export function uploadEntries(files: File[]): { entry: TarWriteEntry; file: File }[] {
  return files.map((file) => ({ file, entry: { name: (file.webkitRelativePath || file.name).replace(/^\/+/, ''), type: 'file' as const, size: file.size, mtime: Math.floor(file.lastModified / 1000) } }));
}

const CHUNK = 256 * 1024;
const WINDOW = 4 * 1024 * 1024;

/** Streams the files into `dir` (`tar -xmf - -C dir` there); at most WINDOW bytes ahead of what the core has written. */
export function startUpload(client: ContractClient, t: ContainerTarget, dir: string, files: File[], update: Update, onDone: () => void): Transfer {
  const items = uploadEntries(files);
  const total = tarSize(items.map((i) => i.entry));
  const roots = new Set(items.map((i) => i.entry.name.split('/')[0]));
  const label = items.length === 1 ? items[0].entry.name : roots.size === 1 && items[0].entry.name.includes('/') ? `${[...roots][0]}/` : `${items.length} files`;
  const payload = items.reduce((n, i) => n + i.entry.size, 0);
  const note = `tar archive of ${items.length} file${items.length === 1 ? '' : 's'}, ${formatBytes(payload)}`;
  const tr: Transfer = { id: nextId++, direction: 'up', label, bytes: 0, total, note, state: 'running', cancel: () => {} };
  const set = (p: Partial<Transfer>) => { Object.assign(tr, p); update({ ...tr }); };
  let written = 0;
  let waiter: (() => void) | undefined;
  let stopped = false;
  const sub = client.subscribe('files.upload', { ...t, dir, total }, {
    onEvent: (e, seq) => {
      sub.ack(seq);
      if (e.type === 'ready') void send();
      else if (e.type === 'progress') { written = e.bytes; set({ bytes: e.bytes }); waiter?.(); }
      else if (e.type === 'done') { set({ state: 'done', bytes: total, message: e.output.trim() || undefined }); onDone(); }
    },
    onEnd: (err) => { stopped = true; waiter?.(); if (err && tr.state === 'running') set({ state: 'failed', message: err.message }); },
  });
  let sent = 0;
  const push = async (b: Uint8Array) => {
    for (let i = 0; i < b.length && !stopped; i += CHUNK) {
      while (!stopped && sent - written > WINDOW) await new Promise<void>((r) => { waiter = r; });
      const part = b.subarray(i, i + CHUNK);
      sub.input({ type: 'data', data: toBase64(part) });
      sent += part.length;
    }
  };
  const send = async () => {
    for (const { entry, file } of items) {
      await push(tarHeader(entry));
      for (let off = 0; off < file.size && !stopped; off += CHUNK) await push(new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer()));
      await push(tarPadding(entry.size));
    }
    await push(tarEnd(sent));
    if (!stopped) sub.input({ type: 'end' });
  };
  tr.cancel = () => {
    if (tr.state !== 'running') return;
    stopped = true;
    sub.input({ type: 'cancel' });
    setTimeout(() => sub.close(), 500);
    set({ state: 'cancelled', message: 'Cancelled; files already unpacked stay in the container.' });
  };
  update({ ...tr });
  return tr;
}
