import { ContractError } from '../../../shared/contract/contractError';
import { FileUploadInput, type FileDownloadEvent, type FileUploadEvent } from '../../../shared/contract/files';
import { TarReader } from '../../../shared/files/tar';
import { isMissingProgram, normalisePath, parentPath } from '../../../shared/files/listing';
import { FlowGate, type StreamSink } from '../streams/flowGate';
import type { ExecHttp } from '../streams/execSession';
import { openExecPipe, type ExecPipe, type PipeResult } from './execPipe';
import { missingProgramError, type ContainerRef } from './fileBrowser';

const CHUNK = 256 * 1024;

type Sink<E> = StreamSink<E> & { end(error?: ContractError): void };

/** What a failed tar run means for a person: no tar at all, or tar's own words. */
export function tarFailure(r: PipeResult, t: ContainerRef, what: string): ContractError {
  const words = `${r.stderr}\n${r.message ?? ''}`.trim();
  if (isMissingProgram(r.code, words)) return missingProgramError('tar', t, words);
  const first = r.stderr.split('\n').find((l) => l.trim()) ?? r.message ?? `exit ${r.code ?? '?'}`;
  if (/No such file|Cannot stat|Cannot open|cannot change directory/i.test(words)) return new ContractError('not-found', `${what}: ${first}`, words);
  return new ContractError('internal', `${what}: ${first}`, words);
}

/**
 * Downloads a file or a folder like `kubectl cp pod:path local`: `tar cf - -C <parent> <name>` in the
 * container. A file arrives as its own bytes (read out of the archive as it streams); a folder as the
 * tar archive itself. The cluster is read only as fast as the renderer acknowledges (FlowGate).
 * Returns the cancel function.
 */
export function startDownload(http: ExecHttp, t: ContainerRef, rawPath: string, sink: Sink<FileDownloadEvent>): () => void {
  const path = normalisePath(rawPath);
  if (path === '/') {
    sink.end(new ContractError('bad-request', 'Choose a file or a folder below /, not the whole filesystem.'));
    return () => {};
  }
  const base = path.slice(path.lastIndexOf('/') + 1);
  const gate = new FlowGate(sink, 16);
  let pipe: ExecPipe | undefined;
  let cancelled = false;
  let kind: 'file' | 'tar' | undefined;
  let held: Buffer[] = [];
  let bytes = 0;
  let pendingOut: Buffer[] = [];
  let pendingSize = 0;
  const warnings: string[] = [];
  let fileDone = false;
  let failure: ContractError | undefined;

  const flushOut = (force = false) => {
    while (pendingSize >= CHUNK || (force && pendingSize > 0)) {
      const all = Buffer.concat(pendingOut);
      const n = Math.min(CHUNK, all.length);
      sink.emit({ type: 'data', data: all.subarray(0, n).toString('base64') });
      bytes += n;
      pendingOut = [all.subarray(n)];
      pendingSize = all.length - n;
      if (pendingSize === 0) pendingOut = [];
    }
    if (!gate.open && pipe) { pipe.pause(); gate.whenOpen(() => pipe?.resume()); }
  };
  const out = (b: Uint8Array) => { pendingOut.push(Buffer.from(b)); pendingSize += b.length; flushOut(); };

  const reader = new TarReader({
    entry: (e) => {
      if (kind) return;
      if (e.type === 'dir') kind = 'tar';
      else if (e.type === 'file') kind = 'file';
      else { failure = new ContractError('refused', `${path} is a ${e.type === 'symlink' ? `symbolic link to ${e.linkName}` : 'special file'}; like kubectl cp, Wheelhouse does not follow it. Open the folder it points to instead.`); return; }
      sink.emit({ type: 'start', name: kind === 'tar' ? `${base}.tar` : base, kind, ...(kind === 'file' ? { size: e.size } : {}) });
      if (kind === 'tar') { for (const h of held) out(h); held = []; }
    },
    data: (c) => { if (kind === 'file' && !fileDone) out(c); },
    entryEnd: () => { if (kind === 'file') fileDone = true; },
  });

  const onStdout = (b: Buffer) => {
    if (cancelled || failure) return;
    try {
      if (kind === 'tar') { out(b); return; }
      if (!kind) held.push(b);
      reader.push(b);
    } catch (err) {
      failure = new ContractError('internal', `The container's tar sent something that is not a tar archive: ${(err as Error).message}.`);
    }
  };

  void (async () => {
    try {
      pipe = await openExecPipe(http, t, ['tar', 'cf', '-', '-C', parentPath(path), base], { onStdout });
      if (cancelled) pipe.abort();
      const r = await pipe.done;
      if (cancelled) return;
      if (failure) { sink.end(failure); return; }
      // GNU tar exits 1 when a file changed while it was read: the archive is whole, say so.
      if (r.code !== 0 && !(r.code === 1 && kind)) { sink.end(tarFailure(r, t, `Could not download ${path}`)); return; }
      if (!kind) { sink.end(new ContractError('not-found', `Nothing to download at ${path}.`, r.stderr)); return; }
      if (r.code === 1 || r.stderr.trim()) warnings.push(...r.stderr.split('\n').filter((l) => l.trim()).slice(0, 5));
      flushOut(true);
      gate.whenOpen(() => { sink.emit({ type: 'done', bytes, warnings }); sink.end(); gate.dispose(); });
    } catch (err) {
      if (!cancelled) sink.end(err instanceof ContractError ? err : new ContractError('unreachable', `Could not start tar in ${t.pod}/${t.container}: ${(err as Error).message}`));
    }
  })();

  return () => { cancelled = true; gate.dispose(); pipe?.abort(); };
}

/**
 * Uploads like `kubectl cp local pod:dir`: `tar -xmf - -C <dir>` in the container, its stdin fed with
 * the archive the renderer builds (shared/files/tar.ts) and sends as input. Progress counts bytes
 * handed to the socket. Returns the cancel function.
 */
export function startUpload(http: ExecHttp, t: ContainerRef, rawDir: string, total: number, sink: Sink<FileUploadEvent>): { input(raw: unknown): void; cancel(): void } {
  const dir = normalisePath(rawDir);
  let pipe: ExecPipe | undefined;
  let cancelled = false;
  let written = 0;
  let chain = Promise.resolve();
  const early: unknown[] = [];

  const input = (raw: unknown) => {
    if (!pipe) { early.push(raw); return; }
    const r = FileUploadInput.safeParse(raw);
    if (!r.success || cancelled) return;
    const i = r.data;
    if (i.type === 'cancel') { cancel(); return; }
    const p = pipe;
    chain = chain.then(async () => {
      if (cancelled) return;
      if (i.type === 'end') { p.endInput(); return; }
      const b = Buffer.from(i.data, 'base64');
      await p.write(b);
      written += b.length;
      sink.emit({ type: 'progress', bytes: written, total });
    });
  };
  const cancel = () => { cancelled = true; pipe?.abort(); sink.end(new ContractError('refused', 'Upload cancelled; files already unpacked stay in the container.')); };

  void (async () => {
    try {
      pipe = await openExecPipe(http, t, ['tar', '-xmf', '-', '-C', dir], { onStdout: () => {}, stdin: true });
      if (cancelled) { pipe.abort(); return; }
      sink.emit({ type: 'ready' });
      for (const x of early.splice(0)) input(x);
      const r = await pipe.done;
      if (cancelled) return;
      if (r.code !== 0) { sink.end(tarFailure(r, t, `Could not upload into ${dir}`)); return; }
      sink.emit({ type: 'done', bytes: written, output: r.stderr.slice(0, 4000) });
      sink.end();
    } catch (err) {
      if (!cancelled) sink.end(err instanceof ContractError ? err : new ContractError('unreachable', `Could not start tar in ${t.pod}/${t.container}: ${(err as Error).message}`));
    }
  })();
  return { input, cancel: () => { if (!cancelled) { cancelled = true; pipe?.abort(); } } };
}
