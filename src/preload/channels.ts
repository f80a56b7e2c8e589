/**
 * The only two IPC channels between the window and the main process. Shared by the preload and
 * src/main/shell; it must stay free of imports, because the sandboxed preload bundles it inline.
 */
export const INVOKE_CHANNEL = 'inlet:invoke';
export const PUSH_CHANNEL = 'inlet:push';
