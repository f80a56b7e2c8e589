/** What the desktop host takes from its command line and environment. */
export interface ShellArgs {
  /** Overrides the default data dir (`app.getPath('userData')`). */
  dataDir?: string;
  receiverPort?: number;
  /** Electron-ABI better-sqlite3 build prepared by `scripts/start.mjs`. */
  sqliteNativeBinding?: string;
}

const flagValue = (argv: readonly string[], name: string): string | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) return argv[i + 1];
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
};

const port = (raw: string | undefined): number | undefined => {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${raw}`);
  return n;
};

/** Flags win over environment variables, so a one-off run can override a shell profile. */
export function parseShellArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ShellArgs {
  const args: ShellArgs = {};
  const dataDir = flagValue(argv, '--data-dir') ?? env['INLET_DATA_DIR'];
  if (dataDir) args.dataDir = dataDir;
  const receiverPort = port(flagValue(argv, '--receiver-port') ?? env['INLET_RECEIVER_PORT']);
  if (receiverPort !== undefined) args.receiverPort = receiverPort;
  const binding = env['INLET_SQLITE_BINDING'];
  if (binding) args.sqliteNativeBinding = binding;
  return args;
}
