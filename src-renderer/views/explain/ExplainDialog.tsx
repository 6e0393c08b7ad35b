import { useEffect, useMemo, useRef, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useClient } from '../../data/clientContext';
import { explainPath, explainedField, ExplainPathError, type Explanation } from '../../../shared/schema/explain';
import { childFields, fieldList, resolveRef, type FieldEntry, type OpenApiDocument, type Schema } from '../../../shared/schema/schemaWalk';
import { rootOf, useKindSchema } from './kindSchemaStore';
import './explain.css';

export interface ExplainTarget { group: string; version: string; kind?: string; resource?: string; path?: string[] }

const show = (v: unknown) => (v === '' ? '""' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * `kubectl explain` in the app: a kind's fields as a tree (types, required, enums, defaults) beside
 * the chosen field's full entry, from the cluster's own OpenAPI v3 (CRDs included).
 */
export function ExplainDialog({ context, target, onClose }: { context: string; target: ExplainTarget; onClose(): void }) {
  const client = useClient();
  const { result, error } = useKindSchema(client, { context, group: target.group, version: target.version, ...(target.kind ? { kind: target.kind } : { resource: target.resource }) });
  const kind = result?.state === 'ok' ? result.gvk.kind : target.kind ?? target.resource ?? '';
  const gv = `${target.group ? `${target.group}/` : ''}${target.version}`;
  return (
    <Modal title={`Explain ${kind}`} onClose={onClose} size="large" testId="explain">
      {error && <div className="note note-bad" role="alert">Could not read the schema: {error}</div>}
      {!result && !error && <div className="muted">Reading the cluster's OpenAPI for {gv}…</div>}
      {result?.state === 'unavailable' && (
        <div className="note note-warn" role="status" data-testid="explain-unavailable">{result.message}{result.detail && <div className="muted ex-detail-line">{result.detail}</div>}</div>
      )}
      {result?.state === 'ok' && (
        <ExplainBody document={result.document} root={rootOf(result)} kind={result.gvk.kind} gv={gv} serverVersion={result.serverVersion}
          preserves={result.preservesUnknownFields} initialPath={target.path ?? []} />
      )}
    </Modal>
  );
}

function ExplainBody({ document: doc, root, kind, gv, serverVersion, preserves, initialPath }: {
  document: OpenApiDocument; root: Schema; kind: string; gv: string; serverVersion: string; preserves: boolean; initialPath: string[];
}) {
  const [path, setPath] = useState<string[]>(initialPath);
  const [typed, setTyped] = useState<string>();
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(initialPath.map((_, i) => initialPath.slice(0, i + 1).join('.'))));
  const explained = useMemo((): Explanation | { error: string } => {
    try { return explainPath(doc, root, path); } catch (e) { return { error: e instanceof ExplainPathError ? `field "${e.field}" does not exist in ${kind}` : String(e) }; }
  }, [doc, root, path, kind]);
  const top = useMemo(() => fieldList(resolveRef(root.$ref, doc) ?? root, doc), [doc, root]);
  const go = (p: string[]) => {
    setPath(p);
    setTyped(undefined);
    setExpanded((s) => { const n = new Set(s); p.forEach((_, i) => n.add(p.slice(0, i + 1).join('.'))); return n; });
  };
  const pathText = typed ?? [kind.toLowerCase(), ...path].join('.');
  const submit = () => {
    const parts = (typed ?? '').split('.').map((s) => s.trim()).filter(Boolean);
    go(parts[0]?.toLowerCase() === kind.toLowerCase() ? parts.slice(1) : parts);
  };

  return (
    <div className="ex-main">
      <div className="ex-bar">
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} className="ex-path-form">
          <input className="ex-path mono" value={pathText} onChange={(e) => setTyped(e.target.value)} aria-label="Field path, as kubectl explain takes it" data-testid="explain-path"
            title="A field path as kubectl explain takes it, e.g. deployment.spec.strategy; Enter to go" spellCheck={false} />
        </form>
        <span className="muted ex-source" title="Read from the cluster's own OpenAPI v3 (/openapi/v3)">{gv} · {kind} · server {serverVersion}</span>
      </div>
      {preserves && <div className="note ex-note" role="status" data-testid="explain-preserves">This kind keeps unknown fields (x-kubernetes-preserve-unknown-fields at its root): its schema names only the fields below, and any other field is accepted.</div>}
      <div className="ex-split">
        <div className="ex-tree" role="tree" aria-label={`Fields of ${kind}`} data-testid="explain-tree">
          {top.map((f) => <TreeRow key={f.name} doc={doc} entry={f} at={[f.name]} depth={0} selected={path} expanded={expanded} setExpanded={setExpanded} go={go} />)}
        </div>
        <div className="ex-detail" data-testid="explain-detail">
          <Breadcrumbs kind={kind} path={path} go={go} />
          {'error' in explained ? <div className="note note-bad" role="alert">{explained.error}</div> : <Detail e={explained} go={(name) => go([...path, name])} />}
        </div>
      </div>
    </div>
  );
}

function TreeRow({ doc, entry, at, depth, selected, expanded, setExpanded, go }: {
  doc: OpenApiDocument; entry: FieldEntry; at: string[]; depth: number; selected: string[]; expanded: Set<string>;
  setExpanded(f: (s: Set<string>) => Set<string>): void; go(p: string[]): void;
}) {
  const key = at.join('.');
  const f = explainedField(entry, doc);
  const open = expanded.has(key);
  const isSel = selected.join('.') === key;
  const toggle = () => setExpanded((s) => { const n = new Set(s); if (n.has(key)) n.delete(key); else n.add(key); return n; });
  const row = useRef<HTMLDivElement>(null);
  // The chosen field stays in sight (opened at a path from the editor, or chosen in the entry).
  useEffect(() => { if (isSel) row.current?.scrollIntoView({ block: 'nearest' }); }, [isSel]);
  return (
    <>
      <div ref={row} role="treeitem" aria-expanded={f.hasFields ? open : undefined} aria-selected={isSel} className={`ex-row ${isSel ? 'selected' : ''}`} style={{ paddingLeft: 6 + depth * 14 }}
        data-testid="explain-row" data-path={key} onClick={() => go(at)}>
        <button type="button" className="ex-caret" aria-label={open ? `Collapse ${f.name}` : `Expand ${f.name}`} disabled={!f.hasFields}
          onClick={(e) => { e.stopPropagation(); toggle(); }} tabIndex={-1}>{f.hasFields ? (open ? '▾' : '▸') : ''}</button>
        <span className="ex-name mono">{f.name}</span>
        <span className="ex-type mono">&lt;{f.type}&gt;</span>
        {f.required && <span className="ex-req" title="-required-">required</span>}
        {f.enum && <span className="ex-enum-hint muted" title={f.enum.map(show).join(', ')}>enum</span>}
      </div>
      {open && f.hasFields && childFields(entry, doc).map((c) => (
        <TreeRow key={c.name} doc={doc} entry={c} at={[...at, c.name]} depth={depth + 1} selected={selected} expanded={expanded} setExpanded={setExpanded} go={go} />
      ))}
    </>
  );
}

function Breadcrumbs({ kind, path, go }: { kind: string; path: string[]; go(p: string[]): void }) {
  return (
    <nav className="ex-crumbs" aria-label="Path">
      <button type="button" className="linkish" onClick={() => go([])}>{kind}</button>
      {path.map((p, i) => <span key={i}>.<button type="button" className="linkish" onClick={() => go(path.slice(0, i + 1))}>{p}</button></span>)}
    </nav>
  );
}

function Detail({ e, go }: { e: Explanation; go(name: string): void }) {
  return (
    <div className="ex-entry">
      {e.field && (
        <div className="ex-field-head" data-testid="explain-field">
          <span className="mono ex-name">{e.field.name}</span> <span className="mono ex-type">&lt;{e.field.type}&gt;</span>
        </div>
      )}
      {e.field?.enum && <div className="ex-kv"><span className="ex-k">Enum</span><span className="mono" data-testid="explain-enum">{e.field.enum.map(show).join(', ')}</span></div>}
      {e.field?.default !== undefined && <div className="ex-kv"><span className="ex-k">Default</span><span className="mono">{show(e.field.default)}</span></div>}
      <h3 className="ex-h">Description</h3>
      <div className="ex-desc" data-testid="explain-description">{e.description.trim() || '<empty>'}</div>
      {e.fields.length > 0 && <h3 className="ex-h">Fields</h3>}
      {e.fields.map((f) => (
        <div key={f.name} className="ex-sub">
          <div>
            <button type="button" className="linkish mono ex-name" onClick={() => go(f.name)}>{f.name}</button>{' '}
            <span className="mono ex-type">&lt;{f.type}&gt;</span>
            {f.required && <span className="ex-req">required</span>}
            {f.default !== undefined && <span className="muted ex-def"> default {show(f.default)}</span>}
          </div>
          {f.enum && <div className="ex-enum mono">enum: {f.enum.map(show).join(', ')}</div>}
          <div className="ex-desc ex-sub-desc">{f.description || '<no description>'}</div>
        </div>
      ))}
    </div>
  );
}
