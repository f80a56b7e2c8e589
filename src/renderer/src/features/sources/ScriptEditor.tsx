import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { Compartment, EditorState, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet } from '@codemirror/view';

interface Props {
  value: string;
  onChange(value: string): void;
  /** 1-based line to mark as failing (from "Test script"), or null. */
  errorLine: number | null;
  label: string;
  /** Shown but not editable (an imported script before it is approved). */
  readOnly?: boolean;
}

const editable = (readOnly: boolean) => [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
const setErrorLine = StateEffect.define<number | null>();
const errorLineMark = Decoration.line({ class: 'cm-error-line', attributes: { 'data-testid': 'script-error-line' } });

/** The failing line's decoration, replaced whenever a test result arrives. */
const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorLine)) continue;
      const line = e.value;
      next = line !== null && line >= 1 && line <= tr.state.doc.lines ? Decoration.set([errorLineMark.range(tr.state.doc.line(line).from)]) : Decoration.none;
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { fontSize: '12.5px', backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', minHeight: '180px', maxHeight: '420px' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)' },
  '.cm-error-line': { backgroundColor: 'var(--danger-soft)', boxShadow: 'inset 3px 0 0 var(--danger)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
});

/** The preprocess script, in CodeMirror with JavaScript highlighting; the page owns the text. */
export function ScriptEditor({ value, onChange, errorLine, label, readOnly = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const lock = useRef(new Compartment());
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  useEffect(() => {
    if (!host.current) return;
    // The UI's CSP (style-src 'self') blocks the <style> tags CodeMirror adds to a document; inside
    // a shadow root it uses constructed style sheets instead, which the policy allows.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      doc: value,
      root: shadow,
      parent: shadow,
      extensions: [
        basicSetup,
        javascript(),
        theme,
        errorLineField,
        lock.current.of(editable(readOnlyRef.current)),
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'script-editor-content' }),
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
    // The editor is created once; later `value` changes (undo, a saved reload) are pushed below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorLine.of(errorLine) });
  }, [errorLine]);

  useEffect(() => {
    view.current?.dispatch({ effects: lock.current.reconfigure(editable(readOnly)) });
  }, [readOnly]);

  return <div ref={host} className={`script-editor${readOnly ? ' script-editor--read-only' : ''}`} data-testid="script-editor" data-read-only={readOnly} />;
}
