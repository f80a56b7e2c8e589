import { useMemo } from 'react';
import { splitInvisible } from './reveal-invisible';

/** Payload text with bidi and zero-width characters drawn as ⟨U+202E⟩ markers instead of acting on the text. */
export function VisibleText({ text }: { text: string }) {
  const parts = useMemo(() => splitInvisible(text), [text]);
  if (parts.length === 1 && parts[0]?.kind === 'text') return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={i} className="invisible-char" title={`Invisible character ${part.code}`} data-testid="invisible-char">
            ⟨{part.code}⟩
          </span>
        ),
      )}
    </>
  );
}
