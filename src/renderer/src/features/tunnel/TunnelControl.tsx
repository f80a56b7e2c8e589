import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/store-context';
import { TunnelPanel } from './TunnelPanel';
import { tunnelLabel } from './tunnel-text';
import { useNow } from './use-now';
import './tunnel.css';

/** Always-visible tunnel status in the frame: a coloured dot and a word; the panel has the rest. */
export function TunnelControl() {
  const tunnel = useApp((s) => s.tunnel);
  const live = useApp((s) => s.live);
  const loadTunnel = useApp((s) => s.loadTunnel);
  const loadSettings = useApp((s) => s.loadSettings);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const now = useNow(tunnel.state === 'reconnecting');

  // A dropped push stream may have missed a status change, so read it again once back.
  useEffect(() => {
    if (live === 'live') {
      void loadTunnel();
      void loadSettings();
    }
  }, [live, loadTunnel, loadSettings]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const title = tunnel.state === 'error' ? tunnel.reason : tunnel.state === 'reconnecting' ? tunnel.reason : undefined;
  return (
    <div className="tunnel" ref={root}>
      <button
        type="button"
        className={`tunnel-control tunnel-control--${tunnel.state}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={title}
        data-testid="tunnel-control"
        data-state={tunnel.state}
        onClick={() => setOpen(!open)}
      >
        <span className="tunnel-control__dot" aria-hidden="true" />
        <span className="tunnel-control__label" data-testid="tunnel-label">
          {tunnelLabel(tunnel, now)}
        </span>
      </button>
      {open && <TunnelPanel onClose={() => setOpen(false)} />}
    </div>
  );
}
