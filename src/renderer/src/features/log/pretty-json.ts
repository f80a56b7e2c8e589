import { textNestedDeeperThan } from '../../../../shared/json/nesting';

/**
 * The body indented for reading; null when it is not JSON or is nested deeper than the core parses
 * (indenting thousands of levels would build megabytes of spaces, and stringify would overflow):
 * such a body is shown raw, next to its parse error.
 */
export function prettyJson(text: string): string | null {
  if (textNestedDeeperThan(text)) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}
