import { memo, useMemo, useRef, useState } from 'react';
import { stringify } from 'yaml';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useContractQuery } from '../../data/clientContext';
import type { DetailsTarget } from './detailsTarget';
import { tokenizeYaml, type YamlToken } from './yamlTokens';
import { visibleText } from '../../../shared/model/visibleText';

const LINE_HEIGHT = 18;
/** Above this many lines only the visible ones are rendered (CRDs with big schemas run to tens of thousands). */
const VIRTUALIZE_ABOVE = 1500;

/** The object as read-only YAML, highlighted by tokens rendered as text spans; managedFields on request. */
export function YamlTab({ context, target, obj }: { context: string; target: DetailsTarget; obj: unknown }) {
  const [managed, setManaged] = useState(false);
  const [copied, setCopied] = useState(false);
  const full = useContractQuery('resource.get', managed ? {
    context, group: target.group, version: target.version, resource: target.resource, namespace: target.namespace, name: target.name, managedFields: true,
  } : undefined, { staleTime: 0 });
  const data = managed ? full.data : obj;
  const text = useMemo(() => (data ? stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }) : ''), [data]);
  const lines = useMemo(() => tokenizeYaml(text), [text]);

  const copy = async () => {
    try { await navigator.clipboard.writeText(text); setCopied(true); setTimeout(() => setCopied(false), 1500); } catch { setCopied(false); }
  };

  return (
    <div className="dp-yaml-tab">
      <div className="dp-yaml-bar">
        <label className="toggle"><input type="checkbox" checked={managed} onChange={(e) => setManaged(e.target.checked)} data-testid="dp-managed-fields" /> managedFields</label>
        <span className="muted dp-small">{lines.length} lines · read-only</span>
        <button type="button" className="dp-btn-small" onClick={() => void copy()} disabled={!text}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      {managed && full.isLoading && <div className="dp-none muted">Loading with managedFields…</div>}
      {managed && full.error && <div className="error-banner" role="alert">{(full.error as Error).message}</div>}
      {text && (lines.length > VIRTUALIZE_ABOVE ? <VirtualYaml lines={lines} /> : (
        <pre className="dp-yaml" data-testid="dp-yaml">{lines.map((l, i) => <YamlLine key={i} n={i + 1} tokens={l} />)}</pre>
      ))}
    </div>
  );
}

function VirtualYaml({ lines }: { lines: YamlToken[][] }) {
  const ref = useRef<HTMLPreElement>(null);
  const v = useVirtualizer({ count: lines.length, getScrollElement: () => ref.current, estimateSize: () => LINE_HEIGHT, overscan: 40 });
  return (
    <pre className="dp-yaml dp-yaml-virtual" ref={ref} data-testid="dp-yaml">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((it) => (
          <div key={it.index} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${it.start}px)` }}>
            <YamlLine n={it.index + 1} tokens={lines[it.index]} />
          </div>
        ))}
      </div>
    </pre>
  );
}

const YamlLine = memo(function YamlLine({ n, tokens }: { n: number; tokens: YamlToken[] }) {
  return (
    <div className="yl">
      <span className="yl-n" aria-hidden>{n}</span>
      <span className="yl-t">{tokens.map(([type, t], i) => (type === 'text' ? t : <span key={i} className={`y-${type}`}>{visibleText(t)}</span>))}{tokens.length === 0 ? ' ' : null}</span>
    </div>
  );
});
