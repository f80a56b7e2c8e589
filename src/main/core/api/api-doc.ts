import { z } from 'zod';
import { contract } from '../../../shared/api/contract';
import { pushEvents } from '../../../shared/api/events';

/** A JSON Schema node, as far as the type notation below needs it. */
interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js | Js[];
  prefixItems?: Js[];
  anyOf?: Js[];
  oneOf?: Js[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: Js | boolean;
  default?: unknown;
}

/** Renders a JSON Schema as a TypeScript-like type, which reads better in docs than the schema. */
function typeOf(s: Js, indent = ''): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeOf(u, indent)).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map((i) => typeOf(i, indent)).join(', ')}]`;
    const item = Array.isArray(s.items) ? s.items[0] : s.items;
    const inner = item ? typeOf(item, indent) : 'unknown';
    return inner.includes(' | ') ? `Array<${inner}>` : `${inner}[]`;
  }
  if (type === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (props.length === 0) {
      const extra = s.additionalProperties;
      return typeof extra === 'object' ? `Record<string, ${typeOf(extra, indent)}>` : '{}';
    }
    const next = `${indent}  `;
    const lines = props.map(([name, prop]) => {
      const optional = !(s.required ?? []).includes(name);
      const dflt = prop.default !== undefined ? ` // default ${JSON.stringify(prop.default)}` : '';
      return `${next}${name}${optional ? '?' : ''}: ${typeOf(prop, next)};${dflt}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (type === 'integer') return 'number';
  return type ?? 'unknown';
}

const render = (schema: z.ZodType, io: 'input' | 'output') =>
  typeOf(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Js);

/** docs/api.md, generated from the contract so the two cannot drift. */
export function renderApiDoc(): string {
  const out: string[] = [
    '# Inlet control API',
    '',
    '<!-- Generated from src/shared/api/contract.ts by src/main/core/api/api-doc.ts; a test keeps it current.',
    '     Regenerate: UPDATE_API_DOC=1 npx vitest run src/main/core/api/api-doc.test.ts -->',
    '',
    'The same contract serves the desktop app (Electron IPC) and the headless host (HTTP). Over HTTP:',
    '',
    '- `POST /api/<method>` with a JSON body (the input below) and `Authorization: Bearer <token>`.',
    '  The answer is `{"ok": true, "value": …}` or `{"ok": false, "error": {"code", "message", "issues"?}}`, with',
    '  status 200, or 400 `invalid_input`, 401 `unauthorized`, 403 `forbidden`, 404 `not_found`,',
    '  409 `conflict`, 500 `internal`. An input refused field by field (`invalid_input`) lists each field in',
    '  `issues: [{"path": ["params", "id"], "message": "…"}]` (keys and array indexes from the input\'s root);',
    '  `message` then only summarises them (`2 fields are invalid: params.id, activeIn.1`).',
    '- `GET /api/events` streams the push events below as Server-Sent Events (`event: <name>`, `data: <json>`).',
    '- The server listens on 127.0.0.1 only. The token is printed by `npm run serve` (or fixed with',
    '  `--token` / `INLET_TOKEN`). Requests whose `Host` is not the loopback address and port, or whose',
    '  `Origin` is another site, are refused with 403 (a defence against DNS rebinding).',
    '',
    'Example:',
    '',
    '```sh',
    'curl -s -X POST http://127.0.0.1:4751/api/sources.create \\',
    '  -H "Authorization: Bearer $INLET_TOKEN" -H "Content-Type: application/json" \\',
    '  -d \'{"key": "stripe"}\'',
    '```',
    '',
    '## Methods',
    '',
  ];
  for (const [method, entry] of Object.entries(contract)) {
    out.push(`### \`${method}\``, '', entry.summary, '');
    const changes = 'changes' in entry ? entry.changes : [];
    if (changes.length > 0) out.push(`Changes: ${changes.map((c) => `\`${c}\``).join(', ')} (pushes \`config.changed\` for each).`, '');
    out.push('Input:', '', '```ts', render(entry.input, 'input'), '```', '');
    out.push('Output:', '', '```ts', render(entry.output, 'output'), '```', '');
  }
  out.push('## Push events', '');
  for (const [name, schema] of Object.entries(pushEvents)) {
    out.push(`### \`${name}\``, '', '```ts', render(schema, 'output'), '```', '');
  }
  return out.join('\n');
}
