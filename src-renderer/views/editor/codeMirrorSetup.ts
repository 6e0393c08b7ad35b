// The CodeMirror 6 pieces the editors share. CodeMirror renders every character itself (special and
// invisible characters as placeholders), so cluster text never becomes HTML on our side.
import { EditorState, type Extension } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import {
  EditorView, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { bracketMatching, defaultHighlightStyle, foldGutter, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { yaml } from '@codemirror/lang-yaml';

const theme = EditorView.theme({
  '&': { fontSize: '12.5px', backgroundColor: 'var(--panel)', color: 'var(--text)', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 6%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { caretColor: 'var(--text)' },
  // The merge view's folded-lines bar: its own style has a light variant only unless the editor is marked dark.
  '.cm-collapsedLines': { background: 'var(--panel-2)', color: 'var(--muted)' },
});

/**
 * YAML colours from CSS variables (editor.css), so they follow the light and dark themes live:
 * CodeMirror's default style is made for a light page (dark blue keys vanish on the dark panel).
 */
const yamlHighlight = HighlightStyle.define([
  { tag: t.definition(t.propertyName), color: 'var(--syn-key)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.keyword, t.typeName, t.labelName], color: 'var(--syn-keyword)' },
  { tag: [t.lineComment, t.meta], color: 'var(--syn-comment)', fontStyle: 'italic' },
]);

/** Highlighted read-only or editable YAML with line numbers, folding and bracket matching. */
export function yamlExtensions(opts: { readOnly?: boolean } = {}): Extension[] {
  return [
    syntaxHighlighting(yamlHighlight),
    lineNumbers(), highlightActiveLineGutter(), foldGutter(), highlightSpecialChars(), drawSelection(), dropCursor(),
    indentOnInput(), indentUnit.of('  '), bracketMatching(), highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }), yaml(), theme,
    EditorState.tabSize.of(2),
    ...(opts.readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []),
  ];
}

/** Undo/redo history, the standard editing keys and search (Mod-f) from CodeMirror's own packages. */
export function editingKeys(): Extension {
  return [history(), highlightSelectionMatches(), keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab])];
}
