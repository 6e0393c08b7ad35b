import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, placeholder as placeholderExt } from '@codemirror/view';
import { editingKeys, yamlExtensions } from './codeMirrorSetup';
import { schemaAssist, type SchemaAssistOptions } from './schemaAssist';

/**
 * A CodeMirror 6 YAML editor. `value` replaces the text only when it changes from outside (a reload);
 * every edit is reported through onChange. `assist` adds completion, checks and field docs from the
 * kinds' schemas (read when the editor is made).
 */
export function CodeEditor({ value, onChange, readOnly, label, placeholder, testId, assist }: {
  value: string; onChange?(text: string): void; readOnly?: boolean; label: string; placeholder?: string; testId?: string; assist?: SchemaAssistOptions;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const onChangeRef = useRef(onChange);
  useEffect(() => { onChangeRef.current = onChange; }, [onChange]);

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          yamlExtensions({ readOnly }), editingKeys(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          ...(placeholder ? [placeholderExt(placeholder)] : []),
          ...(assist && !readOnly ? schemaAssist(assist) : []),
          EditorView.updateListener.of((u) => { if (u.docChanged) onChangeRef.current?.(u.state.doc.toString()); }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div className="ed-code" ref={host} data-testid={testId} />;
}
