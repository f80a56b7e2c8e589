import type { UrlPolicy } from './url-policy';

/** The parts of an Electron `WebFrameMain` the check reads; a structural type keeps it testable. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * May this frame call the API? Only the app's own top-level page may: a subframe or a page the
 * window was somehow navigated to must not reach the core, even though the preload is there.
 * `senderFrame` is null once the frame navigated away or was destroyed mid-call.
 */
export function checkSender(frame: SenderFrameLike | null | undefined, policy: UrlPolicy): SenderVerdict {
  if (!frame) return { ok: false, reason: 'the calling frame is gone' };
  if (frame.parent) return { ok: false, reason: 'calls from subframes are refused' };
  if (!policy.isAppUrl(frame.url)) return { ok: false, reason: `calls from ${frame.url || 'an unknown page'} are refused` };
  return { ok: true };
}
