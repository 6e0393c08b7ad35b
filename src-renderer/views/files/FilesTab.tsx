import { useRef, useState } from 'react';
import { useClient, useContractQuery } from '../../data/clientContext';
import { containerLabel, usePodContainers } from '../terminal/ShellChoices';
import { joinPath, normalisePath, parentPath, type FileEntry } from '../../../shared/files/listing';
import { formatBytes } from '../../../shared/model/formatBytes';
import { startDownload, startUpload, type Transfer } from './fileTransfers';
import { requestAction } from '../actions/actionRequests';
import './files.css';

/**
 * A container's files, browsed over exec (find, else ls), downloaded and uploaded with tar over exec
 * like `kubectl cp`. A container without those programs (distroless) gets the reason and the way
 * round it: a debug container.
 */
export function FilesTab({ context, namespace, pod, uid }: { context: string; namespace: string; pod: string; uid?: string }) {
  const client = useClient();
  const containers = usePodContainers(context, namespace, pod);
  const [picked, setPicked] = useState<string>();
  const container = picked && containers.choices.some((c) => c.name === picked) ? picked : containers.defaultName;
  const [path, setPath] = useState('/');
  const [typed, setTyped] = useState('/');
  const list = useContractQuery('files.list', container ? { context, namespace, pod, container, path } : undefined, { staleTime: 0, retry: false });
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);

  const go = (p: string) => { const n = normalisePath(p); setPath(n); setTyped(n); };
  const track = (t: Transfer) => setTransfers((all) => [t, ...all.filter((x) => x.id !== t.id)].slice(0, 8));
  const target = container ? { context, namespace, pod, container } : undefined;
  const download = (p: string) => { if (target) startDownload(client, target, p, track); };
  const upload = (list: FileList | null) => {
    if (!target || !list?.length) return;
    startUpload(client, target, path, [...list], track, () => void listRefetch());
  };
  const listRefetch = () => list.refetch();
  const error = list.error as (Error & { code?: string; detail?: string }) | null;
  const entries = (list.data?.entries ?? []) as FileEntry[];

  return (
    <div className="files" data-testid="files">
      <form className="files-bar" onSubmit={(e) => { e.preventDefault(); go(typed); }}>
        <button type="button" onClick={() => go(parentPath(path))} disabled={path === '/'} title={path === '/' ? 'Already at /' : `Up to ${parentPath(path)}`} data-testid="files-up">↑ Up</button>
        <input className="files-path" value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} aria-label="Path" title={typed} data-testid="files-path" />
        <button type="submit" data-testid="files-go">Go</button>
        <button type="button" onClick={() => void list.refetch()} title="Read the folder again" aria-label="Refresh" data-testid="files-refresh">⟳</button>
        <span className="files-break" />
        <label>Container
          <select value={container ?? ''} onChange={(e) => setPicked(e.target.value)} aria-label="Container" data-testid="files-container">
            {containers.choices.length === 0 && <option value="">…</option>}
            {containers.choices.map((c) => <option key={`${c.kind}/${c.name}`} value={c.name}>{containerLabel(c)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => files.current?.click()} disabled={!target} title={`Upload files into ${path}`} data-testid="files-upload">Upload files…</button>
        <button type="button" onClick={() => folder.current?.click()} disabled={!target} title={`Upload a folder into ${path}`} data-testid="files-upload-folder">Upload folder…</button>
        <button type="button" onClick={() => download(path)} disabled={!target || path === '/'} title={path === '/' ? 'Choose a folder below / to download' : `Download ${path} as a .tar archive`} data-testid="files-download-folder">Download folder (.tar)</button>
        <input ref={files} type="file" multiple hidden onChange={(e) => { upload(e.target.files); e.target.value = ''; }} data-testid="files-upload-input" />
        <input ref={folder} type="file" hidden onChange={(e) => { upload(e.target.files); e.target.value = ''; }} data-testid="files-upload-folder-input"
          {...{ webkitdirectory: '', directory: '' } as Record<string, string>} />
      </form>

      {transfers.length > 0 && (
        <ul className="files-transfers" aria-label="Transfers" data-testid="files-transfers">
          {transfers.map((t) => (
            <li key={t.id} className={`files-transfer files-transfer-${t.state}`} data-testid="files-transfer">
              <span className="files-dir">{t.direction === 'down' ? '↓' : '↑'}</span>
              <span className="files-tname mono" title={t.label}>{t.label}</span>
              <progress max={t.total ?? undefined} value={t.total ? t.bytes : undefined} aria-label={`Progress of ${t.label}`} />
              <span className="files-bytes">{formatBytes(t.bytes)}{t.total ? ` of ${formatBytes(t.total)}` : ''}</span>
              <span className="files-state" data-testid="files-transfer-state">{t.state === 'running' ? '' : t.state}</span>
              {t.state === 'running' && <button type="button" onClick={() => t.cancel()} data-testid="files-cancel">Cancel</button>}
              {(t.message || t.note) && <small className="files-msg">{[t.note, t.message].filter(Boolean).join(' · ')}</small>}
            </li>
          ))}
        </ul>
      )}

      {error && (
        <div className="files-error" role="alert" data-testid="files-error">
          <div>{error.message}</div>
          {error.code === 'refused' && uid && <button type="button" onClick={() => requestAction({ uid, action: 'debug' })} data-testid="files-debug">Debug with an ephemeral container…</button>}
        </div>
      )}
      {list.isLoading && <div className="muted files-note">Reading {path}…</div>}
      {list.data && (
        <table className="files-table" data-testid="files-table">
          <thead><tr><th>Name</th><th className="num">Size</th><th>Modified</th><th>Mode</th><th aria-label="Actions" /></tr></thead>
          <tbody>
            {entries.length === 0 && <tr><td colSpan={5} className="muted">Empty folder.</td></tr>}
            {entries.map((e) => {
              const full = joinPath(path, e.name);
              return (
                <tr key={e.name} data-testid="files-row" data-name={e.name}>
                  <td className="files-name">
                    {e.type === 'dir'
                      ? <button type="button" className="link" onClick={() => go(full)} title={`Open ${full}`} data-testid="files-open">{e.name}/</button>
                      : <span>{e.name}{e.linkTarget !== undefined && <span className="muted"> → {e.linkTarget}</span>}</span>}
                  </td>
                  <td className="num">{e.type === 'dir' ? '' : formatBytes(e.size)}</td>
                  <td className="muted files-when">{e.modified ? e.modified.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : ''}</td>
                  <td className="mono muted">{e.mode}</td>
                  <td>
                    <button type="button" disabled={e.type === 'symlink' || e.type === 'other'} data-testid="files-download"
                      title={e.type === 'symlink' ? 'Links are not followed (like kubectl cp); open what it points to' : e.type === 'other' ? 'Devices, pipes and sockets cannot be copied' : e.type === 'dir' ? `Download ${e.name} as a .tar archive` : `Download ${e.name}`}
                      onClick={() => download(full)}>{e.type === 'dir' ? 'Download .tar' : 'Download'}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.data && <div className="muted files-note">Listed with <span className="mono">{list.data.via}</span> over exec in container {container}. Files are copied with <span className="mono">tar</span> like kubectl cp.</div>}
    </div>
  );
}
