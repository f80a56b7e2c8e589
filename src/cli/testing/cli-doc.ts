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
  ['bundle', 'export'],
  ['bundle', 'preview'],
  ['bundle', 'import'],
  ['config', 'export'],
  ['config', 'import'],
  ['run'],
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

## Scenarios

\`inlet run <file…>\` checks, in CI or before a commit, that webhooks do what you expect: each file
connects sources, sends events and states the outcome; every file runs on a fresh temporary data
dir unless \`--attach\`. YAML or JSON; a mistake is reported at its line (\`stripe.yaml:12:5:
steps[2].expect.status: expected a number\`, exit 2) before anything runs. Shipped examples:
\`examples/stripe.yaml\`, \`examples/clerk.yaml\`, \`examples/github.yaml\`, and
\`examples/stripe-files.yaml\` (files from disk, an import and \`\${VAR}\`).

\`\`\`yaml
name: Stripe billing reaches the workspace
environment: development          # optional: the first environment
sources:
  - template: stripe              # \`inlet templates\` lists them
    key: stripe                   # optional: the template id
    secret: whsec_…               # events are signed with it, as the provider would
    mappings: default             # default (the app's Connect) | all | none | [mapping ids]
    forwardTo: http://localhost:3000/webhooks   # optional: a destination, for \`deliveries\`
workflows:                        # optional: more workflow keys to create
  - key: vip-welcome
steps:
  - name: a paid invoice starts the receipt
    send:                         # a template sample…
      source: stripe
      sample: invoice.paid        # sample id or event type
      set: { data.object.amount_paid: 4900 }   # changed before signing
    # raw: { source: stripe, headers: {…}, body: {…} }   …or a request as written
    # sendFile: { source: stripe, path: fixtures/invoice.json, sample: invoice.paid }   …or a file: signed as
    #   the sample (its body replaced; set: allowed), or without sample posted as written (method, headers, query)
    # import: { source: stripe, path: captures/export.har, replay: resign }   …or a captures file, as \`inlet import\`
    #   reads it (format, entries: [1, 3] optional); replay: true | as_is | resign | ignore_verification
    # replay: { step: <name or number>, ignoreVerification: true }   …or an earlier step's event again
    within: 5000                  # ms workspace/delivery expectations may take (default 5000)
    expect:                       # every field optional
      status: 200                 # what Inlet's receiver answered
      verification: verified      # verified | failed | unverified
      eventType: invoice.paid
      origin: test                # received | test | replay | import
      actions: success            # success | error | partial | skipped | no_mapping
      actionRuns: [{ action: workflows_trigger, status: success, params: { key: invoice-paid } }]
      users: [{ id: cus_…, email: jenny@example.com, properties: { plan: pro } }]   # absent: true for none
      tenants: [{ id: org_…, name: Acme Inc }]
      workflowRuns: [{ workflow: invoice-paid, recipient: cus_…, status: completed, count: 1, data: { data.object.amount_paid: 4900 } }]
      deliveries: [{ status: delivered, responseStatus: 200 }]   # of the step's (last) event
      imported: 2                 # an import step: requests imported (also skipped, failed)
\`\`\`

Objects are compared by the fields written (others may exist); \`params\` and \`data\` take paths.
Output: ✓/✗ per step with expected vs actual under a failure, a summary line; \`--json\` for the
whole result; \`--junit FILE\` for a CI server's test report (a testsuite per file, a testcase per
step, a \`<failure>\` per failed step). Exit codes: 0 every expectation held, 1 a step failed, 2 a
file is unreadable, malformed or names something unknown.

An import step holds each event it imported (or replayed) to the event's expectations (\`status\`,
\`verification\`, \`eventType\`, \`origin\`, \`actions\`, \`actionRuns\`). Files are named relative to
the scenario file and checked before anything runs.

Any string value may use the environment: \`\${NAME}\`, or \`\${NAME:-default}\` when it is unset or
empty; \`$\${\` writes a literal \`\${\`. An unquoted value that becomes a number or true/false is read
as one (\`within: \${TIMEOUT:-5000}\`). An unset variable without a default is an error at its line
(\`ci.yaml:4:13: the environment variable STRIPE_SECRET is not set\`, exit 2).

## Commands
`;

/** One command's section: its name and its help text as printed. */
export const commandSection = (path: readonly string[], help: string): string =>
  `\n### \`inlet${path.length ? ` ${path.join(' ')}` : ''}\`\n\n\`\`\`text\n${help.trimEnd()}\n\`\`\`\n`;
