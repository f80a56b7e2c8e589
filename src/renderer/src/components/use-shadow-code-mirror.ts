import { useEffect, useRef, type RefObject } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import type { Extension } from '@codemirror/state';

type Styles = Record<string, Record<string, string>>;

/** The app's look for a code editor in both themes; `scroller` sets its height, `extra` adds rules. */
export const codeEditorTheme = (scroller: { minHeight: string; maxHeight: string }, extra: Styles = {}): Extension =>
  EditorView.theme({
    '&': { fontSize: '12.5px', backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
    '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
    '.cm-scroller': { fontFamily: 'var(--mono)', ...scroller },
    '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
    '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)' },
    '.cm-cursor': { borderLeftColor: 'var(--text)' },
    ...extra,
  });

interface Options {
  value: string;
  onChange(value: string): void;
  /** Read when the editor is (re)built; basicSetup and the change listener are added here. */
  extensions(): Extension[];
  /** The editor is rebuilt when this changes (e.g. JSON vs plain text); `value` changes are pushed in place. */
  rebuildKey?: unknown;
}

/**
 * CodeMirror in a shadow root of the returned `host` element. The UI's CSP (style-src 'self') blocks
 * the <style> tags CodeMirror adds to a document; inside a shadow root it uses constructed style
 * sheets instead, which the policy allows. The caller owns the text.
 */
export function useShadowCodeMirror({ value, onChange, extensions, rebuildKey }: Options): { host: RefObject<HTMLDivElement | null>; view: RefObject<EditorView | null> } {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ value, onChange, extensions });
  latest.current = { value, onChange, extensions };

  useEffect(() => {
    if (!host.current) return;
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      doc: latest.current.value,
      root: shadow,
      parent: shadow,
      extensions: [
        basicSetup,
        ...latest.current.extensions(),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) latest.current.onChange(u.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [rebuildKey]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return { host, view };
}
