import { EditorView } from 'codemirror';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { codeEditorTheme, useShadowCodeMirror } from '../../components/use-shadow-code-mirror';

interface Props {
  value: string;
  onChange(value: string): void;
  /** JSON highlighting and parse errors marked in place. */
  isJson: boolean;
  label: string;
}

const theme = codeEditorTheme(
  { minHeight: '200px', maxHeight: '46vh' },
  { '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' } },
);

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
  const { host } = useShadowCodeMirror({
    value,
    onChange,
    // Rebuilt per kind of body; later `value` changes (Format) are pushed in place.
    rebuildKey: isJson,
    extensions: () => [
      theme,
      EditorView.lineWrapping,
      ...(isJson ? [json(), jsonColours, linter(jsonParseLinter(), { delay: 300 }), lintGutter()] : []),
      EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'body-editor-content' }),
    ],
  });
  return <div ref={host} className="body-editor" data-testid="body-editor" />;
}
