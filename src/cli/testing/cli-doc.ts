/** Every command docs/cli.md documents, in the order `inlet --help` lists them. */
export const DOCUMENTED_COMMANDS = [
  [],
  ['serve'],
  ['listen'],
  ['send'],
  ['events'],
  ['events', 'show'],
  ['replay'],
  ['import'],
  ['export'],
  ['config', 'export'],
  ['config', 'import'],
  ['sources'],
  ['sources', 'connect'],
  ['templates'],
] as const;

export const CLI_DOC_INTRO = `# The \`inlet\` command

<!-- The command reference below is the real \`--help\` output of each command, checked by
     src/cli/cli-doc.test.ts. Regenerate: UPDATE_CLI_DOC=1 npx vitest run src/cli/cli-doc.test.ts -->

\`inlet\` drives Inlet from a terminal or a CI job: connect a provider and watch its webhooks arrive,
send signed test events with your own values, read and replay the log, move captures and
configuration between machines.

From a checkout: \`npx inlet …\` (or \`npm link\` once to put \`inlet\` on your PATH). The first run after
the sources changed builds the app (\`electron-vite build\`) before running the command.

## Attach or embed

- When Inlet runs on the data dir (the desktop app or \`inlet serve\`), a command talks to it through
  its control API: the running host writes \`control.json\` (its control URL, token and pid; mode 0600)
  into the data dir and removes it on exit. Events you send show up live in its UI.
- Otherwise the command opens the data dir itself for its duration (with a receiver on a free
  loopback port) and closes it when done. One Inlet per data dir, always: a command never opens a
  data dir another process holds.
- \`--data-dir <dir>\` (or \`INLET_DATA_DIR\`) picks the data dir; the default is the app's own folder.

## Output and exit codes

- Human-readable output by default; \`--json\` on any command prints JSON on stdout (streams such as
  \`events --follow\` and \`listen --print-json\` print one JSON document per line). Progress bars and
  notices go to stderr, and only when it is a terminal.
- Colour only on a terminal, never when \`NO_COLOR\` is set.
- Exit codes: \`0\` ok; \`1\` an operation or expectation failed (the receiver or your endpoint
  answered an error, a replay failed); \`2\` bad input (unknown source or template, bad option or
  \`--set\` path, unreadable or malformed file). A refused command prints one line naming the problem
  and changes nothing.

## Quick start

\`\`\`sh
npx inlet sources connect stripe --secret whsec_…      # or: npx inlet listen stripe --secret whsec_…
npx inlet send stripe invoice.paid --set data.object.amount_paid=500
npx inlet events
npx inlet send stripe invoice.paid --to http://localhost:3000/webhooks   # your own endpoint, signed as Stripe would
\`\`\`

## Commands
`;

/** One command's section: its name and its help text as printed. */
export const commandSection = (path: readonly string[], help: string): string =>
  `\n### \`inlet${path.length ? ` ${path.join(' ')}` : ''}\`\n\n\`\`\`text\n${help.trimEnd()}\n\`\`\`\n`;
