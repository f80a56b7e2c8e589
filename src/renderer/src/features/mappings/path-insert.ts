import { parseExpr } from '../../../../shared/expr';

/** Where the caret was in the parameter input when the user left it for the tree. */
export interface Caret {
  start: number;
  end: number;
}

/**
 * The new source of a parameter after a value's path was clicked in the payload tree. A path,
 * literal or broken expression is replaced (click-to-fill); a string is a template, so the path
 * goes in as a `{{placeholder}}` at the caret (or before the closing quote); inside an object or
 * list (even an unfinished one) the path goes at the caret. Returns the source and where the caret lands after it.
 */
export const insertPath = (current: string, path: string, caret: Caret | null): { source: string; caret: number } => {
  const trimmed = current.trim();
  const replace = { source: path, caret: path.length };
  if (trimmed === '') return replace;
  // An object or list being written (often unfinished, so unparsable) takes the path at the caret.
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && caret !== null && caret.start > 0 && caret.end < current.length) {
    return { source: current.slice(0, caret.start) + path + current.slice(caret.end), caret: caret.start + path.length };
  }
  const parsed = parseExpr(current);
  if (!parsed.ok) return replace;
  const kind = parsed.ast.type;
  if (kind === 'template' || (kind === 'literal' && typeof parsed.ast.value === 'string')) {
    const placeholder = `{{${path}}}`;
    const closing = current.lastIndexOf('"');
    const opening = current.indexOf('"');
    const inside = caret !== null && caret.start > opening && caret.end <= closing;
    const at = inside ? caret : { start: closing, end: closing };
    const source = current.slice(0, at.start) + placeholder + current.slice(at.end);
    return { source, caret: at.start + placeholder.length };
  }
  return replace;
};
