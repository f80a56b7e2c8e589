/**
 * The expression AST. An expression is parsed once (see `parse.ts`) and evaluated many times, so
 * nodes keep what evaluation needs precomputed (`path.text`) and where they came from (`start`,
 * `end` — character offsets into the source, end exclusive) for the editor's highlighting.
 */

/** The four places a path can start from. */
export const NAMESPACES = ['body', 'headers', 'query', 'preprocess'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A JSON value, as literals and payloads are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One step of a path. `key` also indexes an array when it is all digits (`a.0.b`), and `index`
 * also looks up an object's key of the same digits, so both spellings work on both shapes.
 */
export type Segment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface PathNode extends Span {
  readonly type: 'path';
  readonly namespace: Namespace;
  readonly segments: readonly Segment[];
  /** The canonical spelling (`body.items[0]["first name"]`), used in results and errors. */
  readonly text: string;
}

export interface LiteralNode extends Span {
  readonly type: 'literal';
  readonly value: JsonValue;
}

/** `"Hello {{body.name}}"`: literal text and embedded expressions, in order. */
export interface TemplateNode extends Span {
  readonly type: 'template';
  readonly parts: ReadonlyArray<string | ExprNode>;
}

/** `a ?? b ?? "x"`: the first alternative that resolves to a non-null value. */
export interface FallbackNode extends Span {
  readonly type: 'fallback';
  readonly alternatives: readonly ExprNode[];
}

/** `{"role": body.data.role}`: an object whose member values are expressions. */
export interface ObjectNode extends Span {
  readonly type: 'object';
  readonly entries: ReadonlyArray<readonly [string, ExprNode]>;
}

/** `[body.a, "b"]`: a list whose items are expressions. */
export interface ArrayNode extends Span {
  readonly type: 'array';
  readonly items: readonly ExprNode[];
}

export type ExprNode = PathNode | LiteralNode | TemplateNode | FallbackNode | ObjectNode | ArrayNode;
