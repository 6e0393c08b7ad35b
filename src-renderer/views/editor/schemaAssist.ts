// The YAML editor's help from the kinds' schemas (shared/schema): completion of field names and enum
// values, checks shown in the text (unknown fields, wrong types, missing required fields) before
// anything is sent, a field's documentation on hover, and a key (Mod-Shift-E, F1) that opens the
// explain tree at the cursor. @codemirror/lint is not a dependency: the checks are drawn here with
// plain decorations. Every text goes into the DOM as text, never as HTML.
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, hoverTooltip, keymap, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { autocompletion, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { completeAt } from '../../../shared/schema/completion';
import { lintYaml, type Diagnostic, type SchemaLookup } from '../../../shared/schema/yamlLint';
import { documentKindAt, explainKeysAt, keyPathAt } from '../../../shared/schema/yamlCursor';
import { fieldView, schemaAtKeys } from '../../../shared/schema/fieldView';
import { descriptionOf, typeGuess } from '../../../shared/schema/schemaWalk';

export interface ExplainAt { apiVersion: string; kind: string; path: string[] }
export interface SchemaAssistOptions {
  lookup: SchemaLookup;
  /** Called when a schema arrives, so the text is checked again. */
  subscribe(onChange: () => void): () => void;
  onExplain?(at: ExplainAt): void;
}

const setDiagnostics = StateEffect.define<Diagnostic[]>();

class MessageWidget extends WidgetType {
  constructor(readonly text: string, readonly severity: Diagnostic['severity']) { super(); }
  override eq(o: MessageWidget) { return o.text === this.text && o.severity === this.severity; }
  toDOM() {
    const s = document.createElement('span');
    s.className = `cm-wh-lint-msg cm-wh-lint-msg-${this.severity}`;
    s.textContent = this.text;
    s.setAttribute('data-testid', 'yaml-check');
    return s;
  }
}

function decorate(view: { state: EditorView['state'] }, list: Diagnostic[]): DecorationSet {
  const doc = view.state.doc;
  const marks = [];
  const perLine = new Map<number, Diagnostic[]>();
  for (const d of list) {
    const from = Math.min(d.from, doc.length);
    const to = Math.min(Math.max(d.to, from), doc.length);
    if (to > from) marks.push(Decoration.mark({ class: `cm-wh-lint cm-wh-lint-${d.severity}` }).range(from, to));
    const line = doc.lineAt(from).number;
    perLine.set(line, [...(perLine.get(line) ?? []), d]);
  }
  for (const [line, ds] of perLine) {
    const text = ds.length > 1 ? `${ds[0].message} (+${ds.length - 1} more)` : ds[0].message;
    marks.push(Decoration.widget({ widget: new MessageWidget(text, ds[0].severity), side: 1 }).range(doc.line(line).to));
  }
  return Decoration.set(marks, true);
}

const diagnosticsField = StateField.define<{ list: Diagnostic[]; deco: DecorationSet }>({
  create: () => ({ list: [], deco: Decoration.none }),
  update(v, tr) {
    for (const e of tr.effects) if (e.is(setDiagnostics)) return { list: e.value, deco: decorate(tr, e.value) };
    if (!tr.docChanged) return v;
    // A check on a line just edited is dropped at once (it may be fixed); the next run says again.
    const before = tr.startState.doc;
    const list = v.list
      .filter((d) => !tr.changes.touchesRange(before.lineAt(Math.min(d.from, before.length)).from, before.lineAt(Math.min(d.to, before.length)).to))
      .map((d) => ({ ...d, from: tr.changes.mapPos(d.from), to: tr.changes.mapPos(d.to, 1) }));
    return { list, deco: list.length === v.list.length ? v.deco.map(tr.changes) : decorate(tr, list) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

/** The checks of the current text, for the editor's footer ("2 problems"). */
export const editorDiagnostics = (state: EditorView['state']): Diagnostic[] => state.field(diagnosticsField, false)?.list ?? [];

function checker(opts: SchemaAssistOptions) {
  return ViewPlugin.fromClass(class {
    timer: ReturnType<typeof setTimeout> | undefined;
    unsubscribe: () => void;
    constructor(readonly view: EditorView) {
      this.schedule(0);
      this.unsubscribe = opts.subscribe(() => this.schedule(0));
    }
    update(u: ViewUpdate) { if (u.docChanged) this.schedule(250); }
    schedule(ms: number) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.view.dispatch({ effects: setDiagnostics.of(lintYaml(this.view.state.doc.toString(), opts.lookup)) }), ms);
    }
    destroy() { clearTimeout(this.timer); this.unsubscribe(); }
  });
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function hoverDocs(opts: SchemaAssistOptions) {
  return hoverTooltip((view, pos) => {
    const text = view.state.doc.toString();
    const problems = editorDiagnostics(view.state).filter((d) => d.from <= pos && pos <= d.to);
    const at = keyPathAt(text, pos);
    const which = documentKindAt(text, pos);
    let field: { name: string; type: string; required: boolean; enum?: unknown[]; description: string } | undefined;
    if (at && which && pos >= at.from && pos <= at.to) {
      const s = opts.lookup(which.apiVersion, which.kind);
      if (s !== 'pending' && !('unavailable' in s)) {
        const target = schemaAtKeys(s.document, s.root, at.keys);
        const parent = schemaAtKeys(s.document, s.root, at.keys.slice(0, -1));
        if (target) {
          let pv = parent ? fieldView(parent.schema, s.document) : undefined;
          for (let i = 0; pv?.items && i < 5; i++) pv = fieldView(pv.items, s.document);
          field = {
            name: at.keys[at.keys.length - 1], type: typeGuess(target.schema, s.document), required: !!pv?.required.includes(at.keys[at.keys.length - 1]),
            enum: fieldView(target.schema, s.document).enum, description: descriptionOf(target.schema, s.document).trim(),
          };
        }
      }
    }
    if (!field && problems.length === 0) return null;
    return {
      pos: at && field ? at.from : problems[0].from, end: at && field ? at.to : problems[0].to, above: true,
      create: () => {
        const dom = el('div', 'cm-wh-doc');
        dom.setAttribute('data-testid', 'yaml-field-doc');
        for (const p of problems) dom.append(el('div', `cm-wh-doc-problem cm-wh-doc-${p.severity}`, p.message));
        if (field) {
          const head = el('div', 'cm-wh-doc-head');
          head.append(el('span', 'cm-wh-doc-name', field.name), el('span', 'cm-wh-doc-type', ` <${field.type}>`));
          if (field.required) head.append(el('span', 'cm-wh-doc-req', ' required'));
          dom.append(head);
          if (field.enum) dom.append(el('div', 'cm-wh-doc-enum', `enum: ${field.enum.map((v) => (v === '' ? '""' : String(v))).join(', ')}`));
          dom.append(el('div', 'cm-wh-doc-text', field.description || '<no description>'));
          if (opts.onExplain) dom.append(el('div', 'cm-wh-doc-hint', 'Ctrl/⌘+Shift+E or F1: open in Explain'));
        }
        return { dom };
      },
    };
  }, { hoverTime: 350, hideOnChange: true });
}

function completionSource(opts: SchemaAssistOptions) {
  return (ctx: CompletionContext) => {
    const r = completeAt(ctx.state.doc.toString(), ctx.pos, opts.lookup);
    if (!r || (r.items.length === 0)) return null;
    // Typing opens the list only once a character of the name or value is there; Ctrl-Space any time.
    if (!ctx.explicit && r.from === ctx.pos) return null;
    const options: Completion[] = r.items.map((i) => ({
      label: i.label, type: i.kind === 'field' ? 'property' : 'enum', detail: i.required ? `${i.detail} · required` : i.detail,
      ...(i.info ? { info: i.info } : {}), apply: i.apply, boost: i.required ? 1 : 0,
    }));
    return { from: r.from, options, validFor: /^[\w.\-/]*$/ };
  };
}

function explainKey(opts: SchemaAssistOptions) {
  const run = (view: EditorView) => {
    if (!opts.onExplain) return false;
    const text = view.state.doc.toString();
    const pos = view.state.selection.main.head;
    const which = documentKindAt(text, pos);
    if (!which) return false;
    const keys = explainKeysAt(text, pos);
    const s = opts.lookup(which.apiVersion, which.kind);
    let path: string[] = [];
    if (s !== 'pending' && !('unavailable' in s)) {
      // The longest prefix of the keys that the schema knows (a half-typed key explains its parent).
      for (let n = keys.length; n >= 0; n--) { const t = schemaAtKeys(s.document, s.root, keys.slice(0, n)); if (t) { path = t.explainPath; break; } }
    }
    opts.onExplain({ ...which, path });
    return true;
  };
  return keymap.of([{ key: 'Mod-Shift-e', run, preventDefault: true }, { key: 'F1', run, preventDefault: true }]);
}

// EditorView.theme (not baseTheme): its scope outranks CodeMirror's own light-only tooltip colours.
const assistTheme = EditorView.theme({
  '.cm-wh-lint-error': { textDecoration: 'underline wavy var(--bad)', textUnderlineOffset: '3px' },
  '.cm-wh-lint-warning': { textDecoration: 'underline wavy var(--warn)', textUnderlineOffset: '3px' },
  '.cm-wh-lint-info': { textDecoration: 'underline dotted var(--muted)', textUnderlineOffset: '3px' },
  '.cm-wh-lint-msg': { marginLeft: '14px', fontSize: '11.5px', fontFamily: 'system-ui, sans-serif', padding: '0 6px', borderRadius: '4px' },
  '.cm-wh-lint-msg-error': { color: 'var(--bad)', background: 'color-mix(in srgb, var(--bad) 10%, transparent)' },
  '.cm-wh-lint-msg-warning': { color: 'var(--warn)', background: 'color-mix(in srgb, var(--warn) 10%, transparent)' },
  '.cm-wh-lint-msg-info': { color: 'var(--muted)' },
  '.cm-wh-doc': { maxWidth: '520px', padding: '8px 10px', fontSize: '12px', lineHeight: '1.45', fontFamily: 'system-ui, sans-serif', whiteSpace: 'pre-wrap', color: 'var(--text)', background: 'var(--panel)' },
  '.cm-wh-doc-head': { fontFamily: 'var(--mono)', marginBottom: '4px' },
  '.cm-wh-doc-name': { fontWeight: '650', color: 'var(--syn-key)' },
  '.cm-wh-doc-type': { color: 'var(--muted)' },
  '.cm-wh-doc-req': { color: 'var(--warn)' },
  '.cm-wh-doc-enum': { fontFamily: 'var(--mono)', color: 'var(--syn-keyword)', marginBottom: '4px' },
  '.cm-wh-doc-problem': { fontWeight: '600', marginBottom: '4px' },
  '.cm-wh-doc-error': { color: 'var(--bad)' },
  '.cm-wh-doc-warning': { color: 'var(--warn)' },
  '.cm-wh-doc-hint': { color: 'var(--muted)', marginTop: '6px', fontSize: '11px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', maxHeight: '16em' },
  '.cm-tooltip': { background: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li': { color: 'var(--text)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { background: 'var(--accent)', color: '#fff' },
  '.cm-completionLabel': { color: 'inherit' },
  '.cm-completionDetail': { color: 'var(--muted)', marginLeft: '10px', fontStyle: 'normal' },
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'inherit', opacity: '0.85' },
  '.cm-completionInfo': { maxWidth: '420px', whiteSpace: 'pre-wrap', fontSize: '12px', fontFamily: 'system-ui, sans-serif' },
});

/** Completion, checks, hover docs and the explain key for a YAML editor. */
export function schemaAssist(opts: SchemaAssistOptions): Extension[] {
  return [
    diagnosticsField, checker(opts), hoverDocs(opts), explainKey(opts), assistTheme,
    autocompletion({ override: [completionSource(opts)], activateOnTyping: true, icons: false }),
  ];
}
