import type { ParamKind } from '../../../../shared/domain/action';
import { TENANTS_COLLECTION } from '../../../../shared/domain/action';
import type { Mapping } from '../../../../shared/domain/mapping';
import { literalSource, parseExpr } from '../../../../shared/expr';

/** Parameters that name something in the workspace, so the editor offers the names it knows. */
export type KeyKind = Extract<ParamKind, 'workflow_key' | 'audience_key' | 'collection'>;
export const KEY_KINDS: readonly KeyKind[] = ['workflow_key', 'audience_key', 'collection'];
export const isKeyKind = (k: ParamKind): k is KeyKind => (KEY_KINDS as readonly string[]).includes(k);

/** Known names per kind, from the workspace of the current environment. */
export type WorkspaceKeys = Record<KeyKind, readonly string[]>;
export const NO_KEYS: WorkspaceKeys = { workflow_key: [], audience_key: [], collection: [] };

/** The constant a saved parameter holds, when its source is a plain string literal. */
const constantOf = (source: string): string | null => {
  const parsed = parseExpr(source);
  return parsed.ok && parsed.ast.type === 'literal' && typeof parsed.ast.value === 'string' ? parsed.ast.value : null;
};

/** Names for one parameter: the workspace's, plus those other mappings already use (overrides too), sorted, once each. */
export function keyOptions(kind: KeyKind, param: string, workspace: WorkspaceKeys, mappings: readonly Mapping[]): string[] {
  const sources = mappings.flatMap((m) => [m.params[param], ...Object.values(m.overrides ?? {}).map((own) => own[param])]);
  const used = sources.filter((s): s is string => typeof s === 'string').map(constantOf);
  const extra = kind === 'collection' ? [TENANTS_COLLECTION] : [];
  const all = [...workspace[kind], ...used, ...extra].filter((s): s is string => typeof s === 'string' && s !== '');
  return [...new Set(all)].sort((a, b) => a.localeCompare(b));
}

/** The expression that makes `text` a constant, as the picker and "use as text" write it. */
export const asTextSource = (text: string): string => literalSource(text);

/**
 * When what was typed reads as a bare word rather than a path (e.g. `invoice-paid`), the constant it
 * probably meant; null when it parses, is empty, or does not look like a word the user meant literally.
 */
export function textSuggestion(source: string): string | null {
  const text = source.trim();
  if (text === '' || /["{}[\]]/.test(text)) return null;
  const parsed = parseExpr(text);
  if (parsed.ok) return null;
  return parsed.error.message.startsWith('unknown namespace') ? text : null;
}
