import { useMemo, useRef, useState } from 'react';
import { useClient, useContractQuery } from '../../data/clientContext';
import { unpackLines, type LogsFollowParams } from '../../../shared/contract';
import { useLogFeed } from './logFeed';
import { downloadText, LogPane } from './LogPane';
import { stripAnsi } from './ansi';
import { formatCount } from './formatCount';
import { containerChoices, containerLabel, defaultContainerName } from '../../../shared/model/podContainers';

export interface LogViewerProps {
  context: string;
  namespace: string;
  pod: string;
  container?: string;
  /** Ring buffer size (lines kept in the view). */
  capacity?: number;
}

type Since = '5m' | '1h' | 'all';
type Tail = '100' | '1000' | '10000' | 'all';
const SINCE_SECONDS: Record<Since, number | undefined> = { '5m': 300, '1h': 3600, all: undefined };

/** Live logs of one container: follow, previous instance, timestamps, since/tail, wrap, search, download. */
export function LogViewer({ context, namespace, pod, container: initial, capacity = 50_000 }: LogViewerProps) {
  const client = useClient();
  const podQuery = useContractQuery('resource.get', { context, group: '', version: 'v1', resource: 'pods', namespace, name: pod });
  const choices = useMemo(() => containerChoices(podQuery.data as any), [podQuery.data]);
  const [picked, setPicked] = useState<string | undefined>(initial);
  const container = picked ?? defaultContainerName(podQuery.data as any);
  const [previous, setPrevious] = useState(false);
  const [showTs, setShowTs] = useState(false);
  const [since, setSince] = useState<Since>('all');
  const [tail, setTail] = useState<Tail>('1000');
  const [wrap, setWrap] = useState(false);
  const [downloading, setDownloading] = useState<number | undefined>(undefined);
  const cancelDownload = useRef<(() => void) | undefined>(undefined);

  const params: LogsFollowParams | undefined = container ? {
    context, namespace, pod, container, previous, timestamps: true, keepLatest: capacity, packed: true,
    tailLines: tail === 'all' ? undefined : Number(tail), sinceSeconds: SINCE_SECONDS[since],
  } : undefined;
  const { feed, status: st } = useLogFeed('logs.follow', params, capacity);

  const downloadWhole = () => {
    if (!params || downloading !== undefined) return;
    const parts: string[] = [];
    let n = 0;
    setDownloading(0);
    // The whole log: no keepLatest, so the core skips nothing (it waits for us instead).
    const sub = client.subscribe('logs.follow', { ...params, tailLines: undefined, follow: false, keepLatest: undefined }, {
      onEvent: (e, seq) => {
        if (e.type === 'lines') {
          for (const l of e.lines) parts.push(`${showTs && l.ts ? `${l.ts} ` : ''}${stripAnsi(l.text)}\n`);
          n += e.lines.length;
          setDownloading(n);
        } else if (e.type === 'packed') {
          const u = unpackLines(e);
          if (!u) { sub.close(); cancelDownload.current = undefined; setDownloading(undefined); return; }
          for (let i = 0; i < u.texts.length; i++) parts.push(`${showTs && u.ts?.[i] ? `${u.ts[i]} ` : ''}${stripAnsi(u.texts[i])}\n`);
          n += u.texts.length;
          setDownloading(n);
        }
        sub.ack(seq);
      },
      onEnd: (err) => {
        cancelDownload.current = undefined;
        setDownloading(undefined);
        if (!err) downloadText(`${pod}-${container}${previous ? '-previous' : ''}.log`, parts);
      },
    });
    cancelDownload.current = () => { sub.close(); cancelDownload.current = undefined; setDownloading(undefined); };
  };

  return (
    <div className="log-viewer" data-testid="log-viewer">
      <div className="log-toolbar">
        <label>Container
          <select value={container ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="log-container" aria-label="Container">
            {choices.length === 0 && container && <option value={container}>{container}</option>}
            {choices.map((c) => <option key={`${c.kind}/${c.name}`} value={c.name}>{containerLabel(c)}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} data-testid="log-previous" /> Previous</label>
        <label><input type="checkbox" checked={showTs} onChange={(e) => setShowTs(e.target.checked)} data-testid="log-timestamps" /> Timestamps</label>
        <label>Since
          <select value={since} onChange={(e) => setSince(e.target.value as Since)} aria-label="Since">
            <option value="5m">5 minutes</option><option value="1h">1 hour</option><option value="all">all</option>
          </select>
        </label>
        <label>Tail
          <select value={tail} onChange={(e) => setTail(e.target.value as Tail)} aria-label="Tail lines">
            <option value="100">100</option><option value="1000">1,000</option><option value="10000">10,000</option><option value="all">all</option>
          </select>
        </label>
        <label><input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} data-testid="log-wrap" /> Wrap</label>
        <span className={`log-state ${st.state}`} data-testid="log-state" data-state={st.state} title={st.message}>
          {st.state}{st.message ? `: ${st.message}` : ''}
        </span>
      </div>
      {podQuery.error && <div className="error-banner" role="alert">{(podQuery.error as Error).message}</div>}
      <LogPane feed={feed} wrap={wrap} showTs={showTs} label={`Logs of ${pod}/${container ?? ''}`}
        fileName={`${pod}-${container ?? 'log'}-visible.log`}
        downloads={downloading === undefined
          ? <button onClick={downloadWhole} disabled={!params} data-testid="log-download-whole">Download whole log</button>
          : <button onClick={() => cancelDownload.current?.()}>Cancel download ({formatCount(downloading)} lines)</button>} />
    </div>
  );
}
