import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../../app/store-context';
import { EventRow } from './EventRow';

const ROW_HEIGHT = 40;

/**
 * The live log, virtualised so it stays smooth with many thousands of rows. One focusable listbox:
 * ↑/↓/Home/End move the cursor, Enter opens, Esc closes the detail.
 */
export function EventList({ sourceNames }: { sourceNames: ReadonlyMap<string, string> }) {
  const events = useApp((s) => s.events);
  const activeIndex = useApp((s) => s.activeIndex);
  const selectedId = useApp((s) => s.selectedEventId);
  const nextCursor = useApp((s) => s.nextCursor);
  const status = useApp((s) => s.eventsStatus);
  const setActiveIndex = useApp((s) => s.setActiveIndex);
  const openEvent = useApp((s) => s.openEvent);
  const closeEvent = useApp((s) => s.closeEvent);
  const loadMore = useApp((s) => s.loadMoreEvents);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => events[index]?.id ?? index,
  });

  useEffect(() => {
    if (events.length > 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, events.length, virtualizer]);

  // Scrolling near the end fetches the next page; the button stays for keyboard users.
  const lastVisible = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  useEffect(() => {
    if (nextCursor !== null && status === 'idle' && lastVisible >= events.length - 10) void loadMore();
  }, [lastVisible, events.length, nextCursor, status, loadMore]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: events.length - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      setActiveIndex(target);
    } else if (e.key === 'Enter') {
      const event = events[activeIndex];
      if (event) void openEvent(event.id);
    } else if (e.key === 'Escape') {
      closeEvent();
    }
  };

  const activeId = events[activeIndex]?.id;
  return (
    <div className="event-list">
      <div className="event-list__head" aria-hidden="true">
        <span>Time</span>
        <span>Source</span>
        <span>Event type</span>
        <span>Verification</span>
        <span>Actions</span>
        <span>Answer</span>
      </div>
      <div
        ref={scrollRef}
        className="event-list__scroll"
        role="listbox"
        tabIndex={0}
        aria-label="Received events, newest first"
        aria-activedescendant={activeId !== undefined ? `event-row-${activeId}` : undefined}
        data-testid="event-list"
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index];
            if (!event) return null;
            return (
              <EventRow
                key={item.key}
                event={event}
                sourceName={event.sourceId ? (sourceNames.get(event.sourceId) ?? 'deleted source') : 'unknown endpoint'}
                active={item.index === activeIndex}
                selected={event.id === selectedId}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                onOpen={() => void openEvent(event.id)}
              />
            );
          })}
        </div>
      </div>
      {nextCursor !== null && (
        <div className="event-list__more">
          <button type="button" className="btn btn--small" disabled={status === 'loading-more'} data-testid="load-more" onClick={() => void loadMore()}>
            {status === 'loading-more' ? 'Loading…' : 'Load older events'}
          </button>
        </div>
      )}
    </div>
  );
}
