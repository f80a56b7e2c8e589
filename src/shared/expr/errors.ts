/**
 * A syntax error in an expression. `offset` is the 0-based character index the editor underlines;
 * `message` already ends with `at <offset>` so it reads well on its own (`expected "]" at 14`).
 */
export interface ExprSyntaxError {
  readonly offset: number;
  readonly message: string;
}

/** Builds an error whose message ends with its offset. */
export const syntaxError = (offset: number, what: string): ExprSyntaxError => ({
  offset,
  message: `${what} at ${offset}`,
});

/** Thrown inside the parser only, so that deep recursion can unwind; never escapes `parseExpr`. */
export class ParseFailure extends Error {
  constructor(readonly error: ExprSyntaxError) {
    super(error.message);
    this.name = 'ParseFailure';
  }
}

/** Shows one character the way error messages quote it. */
export const describeChar = (ch: string | undefined): string =>
  ch === undefined ? 'end of expression' : JSON.stringify(ch);
