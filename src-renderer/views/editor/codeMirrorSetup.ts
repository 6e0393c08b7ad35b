// The CodeMirror 6 pieces the editors share. CodeMirror renders every character itself (special and
// invisible characters as placeholders), so cluster text never becomes HTML on our side.
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';

const theme = EditorView.theme({
  '&': { fontSize: '12.5px', backgroundColor: 'var(--panel)', color: 'var(--text)', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 6%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { caretColor: 'var(--text)' },
});

/** Highlighted read-only or editable YAML with line numbers, folding and bracket matching. */
export function yamlExtensions(opts: { readOnly?: boolean } = {}): Extension[] {
  return [
    lineNumbers(), highlightActiveLineGutter(), foldGutter(), highlightSpecialChars(), drawSelection(), dropCursor(),
    indentOnInput(), indentUnit.of('  '), bracketMatching(), highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }), yaml(), theme,
    EditorState.tabSize.of(2),
    ...(opts.readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []),
  ];
}

const fromHistory = Annotation.define<boolean>();

/**
 * Undo and redo (Mod-z, Mod-Shift-z / Mod-y): snapshots of the document, typing within a moment
 * merged into one step. (@codemirror/commands, which has the full history, is not installed.)
 */
export function simpleHistory(): Extension {
  const done: { doc: string; anchor: number }[] = [];
  const undone: { doc: string; anchor: number }[] = [];
  let lastAt = 0;
  const restore = (view: EditorView, from: typeof done, to: typeof done) => {
    const snap = from.pop();
    if (!snap) return false;
    to.push({ doc: view.state.doc.toString(), anchor: view.state.selection.main.anchor });
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: snap.doc }, selection: { anchor: Math.min(snap.anchor, snap.doc.length) }, annotations: fromHistory.of(true) });
    return true;
  };
  return [
    EditorState.transactionExtender.of((tr) => {
      if (!tr.docChanged || tr.annotation(fromHistory)) return null;
      const now = Date.now();
      if (now - lastAt > 700 || done.length === 0) {
        done.push({ doc: tr.startState.doc.toString(), anchor: tr.startState.selection.main.anchor });
        if (done.length > 200) done.shift();
      }
      lastAt = now;
      undone.length = 0;
      return null;
    }),
    keymap.of([
      { key: 'Mod-z', run: (v) => restore(v, done, undone), preventDefault: true },
      { key: 'Mod-Shift-z', run: (v) => restore(v, undone, done), preventDefault: true },
      { key: 'Mod-y', run: (v) => restore(v, undone, done), preventDefault: true },
    ]),
  ];
}
