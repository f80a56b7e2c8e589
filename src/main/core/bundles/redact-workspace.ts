import type { RedactionChange } from '../../../shared/domain/redaction';
import type { Redactor } from '../redaction';
import type { RedactValue } from './workspace-snapshot';

/**
 * A workspace row through the file's redactor, as a JSON body: every detector and path rule that
 * applies to bodies applies to it, and the changes name the row (`workspace development user ada
 * properties.email`) instead of a body.
 */
export function redactWorkspaceValue(redactor: Redactor, keep: (changes: RedactionChange[]) => void): RedactValue {
  return <T extends Record<string, unknown>>(value: T, where: string): T => {
    const result = redactor.request({ headers: {}, body: JSON.stringify(value), query: '', bodyEncoding: 'utf8' });
    keep(result.changes.map((c) => ({ ...c, where: c.where.replace(/^body\b/, where) })));
    return result.redacted ? (JSON.parse(result.request.body) as T) : value;
  };
}
