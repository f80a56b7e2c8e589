import { contract } from '../../../shared/api/contract';
import { pushEvents } from '../../../shared/api/events';
import { namedTypes } from './api-doc-types';

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
    'Shared shapes are named (`Source`, `Mapping`, `EventDetail`…) and described once, under [Types](#types).',
    '',
    '## Methods',
    '',
  ];
  const types = namedTypes();
  for (const [method, entry] of Object.entries(contract)) {
    out.push(`### \`${method}\``, '', entry.summary, '');
    const changes = 'changes' in entry ? entry.changes : [];
    if (changes.length > 0) out.push(`Changes: ${changes.map((c) => `\`${c}\``).join(', ')} (pushes \`config.changed\` for each).`, '');
    out.push('Input:', '', '```ts', types.render(entry.input, 'input'), '```', '');
    out.push('Output:', '', '```ts', types.render(entry.output, 'output'), '```', '');
  }
  out.push('## Push events', '');
  for (const [name, schema] of Object.entries(pushEvents)) {
    out.push(`### \`${name}\``, '', '```ts', types.render(schema, 'output'), '```', '');
  }
  out.push('## Types', '', 'Shared shapes the methods and push events above refer to by name.', '');
  for (const [name, body] of types.used()) out.push(`### \`${name}\``, '', '```ts', body, '```', '');
  return out.join('\n');
}
