import { useEffect, useRef } from 'react';
import { EditorView } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { Compartment, EditorState, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet } from '@codemirror/view';
import { codeEditorTheme, useShadowCodeMirror } from '../../components/use-shadow-code-mirror';

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

const theme = codeEditorTheme(
  { minHeight: '180px', maxHeight: '420px' },
  { '.cm-error-line': { backgroundColor: 'var(--danger-soft)', boxShadow: 'inset 3px 0 0 var(--danger)' } },
);

/** The preprocess script, in CodeMirror with JavaScript highlighting; the page owns the text. */
export function ScriptEditor({ value, onChange, errorLine, label, readOnly = false }: Props) {
  const lock = useRef(new Compartment());
  const { host, view } = useShadowCodeMirror({
    value,
    onChange,
    extensions: () => [
      javascript(),
      theme,
      errorLineField,
      lock.current.of(editable(readOnly)),
      EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'script-editor-content' }),
    ],
  });

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorLine.of(errorLine) });
  }, [errorLine, view]);

  useEffect(() => {
    view.current?.dispatch({ effects: lock.current.reconfigure(editable(readOnly)) });
  }, [readOnly, view]);

  return <div ref={host} className={`script-editor${readOnly ? ' script-editor--read-only' : ''}`} data-testid="script-editor" data-read-only={readOnly} />;
}
