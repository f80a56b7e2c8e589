import { useEffect, useMemo, useState } from 'react';
import type { Template } from '../../../../shared/domain/template';
import { useApp } from '../../app/store-context';
import { formatTime } from '../../lib/format';
import { samplesByRelevance } from './gallery-filter';
import { SendResult } from './SendResult';
import { FixtureSendItems } from '../fixtures/FixtureSendItems';
import type { SendTestResult } from './templates.slice';
import { eventTypeMatches } from '../../../../shared/domain/mapping';
import './templates.css';

export interface SendTestEventMenuProps {
  sourceId: string;
  /** Defaults to the environment on screen. */
  environment?: string;
  /** Event types the source maps: their samples come first, marked "mapped". */
  mappedEventTypes?: readonly string[];
  /** After "View in log" was followed (a popover or dialog around the menu closes then). */
  onNavigate?(): void;
}

type Sends = Record<string, SendTestResult | 'sending'>;
const RESEND_CHOICES = 20;

/**
 * "Send test event" (SPEC §7): the template's samples, one click each, signed as the provider would
 * and posted through the real receiver; or any logged event of the source, sent again.
 */
export function SendTestEventMenu({ sourceId, environment, mappedEventTypes = [], onNavigate }: SendTestEventMenuProps) {
  const source = useApp((s) => s.sources.find((x) => x.id === sourceId) ?? null);
  const currentEnv = useApp((s) => s.currentEnv);
  const envName = useApp((s) => s.environments.find((e) => e.key === (environment ?? s.currentEnv))?.name ?? '');
  const events = useApp((s) => s.events);
  const loadTemplate = useApp((s) => s.loadTemplate);
  const sendTestEvent = useApp((s) => s.sendTestEvent);
  const setView = useApp((s) => s.setView);
  const openEvent = useApp((s) => s.openEvent);
  const [template, setTemplate] = useState<Template | null>(null);
  const [sends, setSends] = useState<Sends>({});
  const [resendId, setResendId] = useState<string>('');
  const env = environment ?? currentEnv ?? '';
  const templateId = source?.templateId;

  useEffect(() => {
    if (!templateId) return;
    // Custom sources have no template: only "resend a logged event" applies.
    loadTemplate(templateId).then(setTemplate, () => setTemplate(null));
  }, [templateId, loadTemplate]);

  const samples = useMemo(() => (template ? samplesByRelevance(template, mappedEventTypes) : []), [template, mappedEventTypes]);
  const logged = useMemo(() => events.filter((e) => e.sourceId === sourceId && e.environment === env).slice(0, RESEND_CHOICES), [events, sourceId, env]);

  const send = async (key: string, sample: { sampleId: string } | { eventId: number } | { fixtureId: string }) => {
    setSends((s) => ({ ...s, [key]: 'sending' }));
    const result = await sendTestEvent({ sourceId, environment: env, sample });
    setSends((s) => ({ ...s, [key]: result }));
  };
  const openInLog = (id: number) => {
    setView('log');
    void openEvent(id);
    onNavigate?.();
  };
  const resultOf = (key: string) => {
    const r = sends[key];
    return r && r !== 'sending' ? <SendResult result={r} onOpenEvent={openInLog} /> : null;
  };

  return (
    <div className="send-menu" data-testid="send-test-menu">
      <p className="send-menu__lede muted">
        Signed with the {envName} secret, with a fresh timestamp and id, and delivered through the receiver.
      </p>
      {samples.length > 0 && (
        <ul className="send-menu__list" aria-label="Samples">
          {samples.map((s) => {
            const mapped = mappedEventTypes.some((p) => eventTypeMatches(p, s.eventType));
            return (
              <li key={s.id} className="send-menu__item" data-testid={`sample-${s.id}`} data-event-type={s.eventType}>
                <div className="send-menu__row">
                  <span className="send-menu__what">
                    <code className="send-menu__type">{s.eventType}</code>
                    {mapped && <span className="tag tag--ok">mapped</span>}
                    <span className="send-menu__label muted">{s.label}</span>
                  </span>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={sends[s.id] === 'sending'}
                    aria-label={`Send a sample ${s.eventType}`}
                    data-testid={`send-sample-${s.id}`}
                    onClick={() => void send(s.id, { sampleId: s.id })}
                  >
                    {sends[s.id] === 'sending' ? 'Sending…' : 'Send'}
                  </button>
                </div>
                {resultOf(s.id)}
              </li>
            );
          })}
        </ul>
      )}
      <FixtureSendItems sourceId={sourceId} sending={(key) => sends[key] === 'sending'} send={send} resultOf={resultOf} />
      <div className="send-menu__resend">
        <label className="send-menu__resend-label" htmlFor={`resend-${sourceId}`}>
          Resend a logged event
        </label>
        <div className="send-menu__row">
          <select id={`resend-${sourceId}`} className="select send-menu__select" value={resendId} data-testid="resend-select" onChange={(e) => setResendId(e.target.value)}>
            <option value="">{logged.length === 0 ? `No ${envName} events from this source yet` : 'Pick an event…'}</option>
            {logged.map((e) => (
              <option key={e.id} value={e.id}>
                #{e.id} · {e.eventType ?? 'no type'} · {formatTime(e.receivedAt)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn--small"
            disabled={resendId === '' || sends.resend === 'sending'}
            data-testid="resend-event"
            onClick={() => void send('resend', { eventId: Number(resendId) })}
          >
            {sends.resend === 'sending' ? 'Sending…' : 'Resend'}
          </button>
        </div>
        {resultOf('resend')}
      </div>
    </div>
  );
}
