import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter } from '@codemirror/lint';
import { tags } from '@lezer/highlight';

interface Props {
  value: string;
  onChange(value: string): void;
  /** JSON highlighting and parse errors marked in place. */
  isJson: boolean;
  label: string;
}

const theme = EditorView.theme({
  '&': { fontSize: '12.5px', backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', minHeight: '200px', maxHeight: '46vh' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
});

/** JSON colours from the app's theme variables, so both themes keep their contrast (CodeMirror's defaults suit light only). */
const jsonColours = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.string, color: 'var(--ok)' },
    { tag: [tags.number, tags.bool, tags.null], color: 'var(--accent)' },
    { tag: tags.propertyName, color: 'var(--text)', fontWeight: '600' },
    { tag: tags.invalid, color: 'var(--danger)' },
  ]),
);

/** A request body in CodeMirror; JSON bodies get highlighting and inline parse errors. The drawer owns the text. */
export function BodyEditor({ value, onChange, isJson, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    // As in ScriptEditor: inside a shadow root CodeMirror uses constructed style sheets, which the CSP allows.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      doc: value,
      root: shadow,
      parent: shadow,
      extensions: [
        basicSetup,
        theme,
        EditorView.lineWrapping,
        ...(isJson ? [json(), jsonColours, linter(jsonParseLinter(), { delay: 300 }), lintGutter()] : []),
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'body-editor-content' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChangeRef.current(u.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Created once per kind of body; later `value` changes (Format) are pushed below.
  }, [isJson]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="body-editor" data-testid="body-editor" />;
}
