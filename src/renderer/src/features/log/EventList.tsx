import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../../app/store-context';
import { EventRow } from './EventRow';

const ROW_HEIGHT = 40;
/** Within this many pixels of the top, the user is watching arrivals rather than reading older rows. */
const TOP_SLACK = 8;

interface Props {
  sourceNames: ReadonlyMap<string, string>;
  /** False in a source's own Logs tab, where every row has the same source. */
  showSource: boolean;
}

/**
 * The live log, virtualised so it stays smooth with many thousands of rows. One focusable listbox:
 * ↑/↓/Home/End move the cursor, Enter opens, Esc closes the detail. Older pages load on reaching
 * the end (scrolling, or End from the keyboard); arrivals wait behind an "N new" pill while the user
 * reads further down, so the rows under the pointer never move.
 */
export const EventList = memo(function EventList({ sourceNames, showSource }: Props) {
  const events = useApp((s) => s.events);
  const activeIndex = useApp((s) => s.activeIndex);
  const selectedId = useApp((s) => s.selectedEventId);
  const nextCursor = useApp((s) => s.nextCursor);
  const status = useApp((s) => s.eventsStatus);
  const setActiveIndex = useApp((s) => s.setActiveIndex);
  const openEvent = useApp((s) => s.openEvent);
  const closeEvent = useApp((s) => s.closeEvent);
  const loadMore = useApp((s) => s.loadMoreEvents);
  const held = useApp((s) => s.heldArrivals.length);
  const setAtTop = useApp((s) => s.setListAtTop);
  const release = useApp((s) => s.releaseArrivals);
  const showDelivery = useApp((s) => s.destinations.length > 0);
  const epoch = useApp((s) => s.logListEpoch);
  const scrollRef = useRef<HTMLDivElement>(null);
  const onOpen = useCallback((id: number) => void openEvent(id), [openEvent]);

  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => events[index]?.id ?? index,
  });

  // Only a cursor move scrolls; a page appended below or an arrival above must not.
  const hasRows = events.length > 0;
  useEffect(() => {
    if (hasRows) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, hasRows, virtualizer]);

  // A new first page (a filter typed over the rows on screen) starts at its top, not where the old rows
  // were scrolled to, which would fetch its next page at once.
  useLayoutEffect(() => virtualizer.scrollToOffset(0), [epoch, virtualizer]);

  // A list that mounts scrolled to the top lets arrivals in again.
  useLayoutEffect(() => setAtTop((scrollRef.current?.scrollTop ?? 0) <= TOP_SLACK), [setAtTop]);

  const showNew = () => {
    release();
    virtualizer.scrollToOffset(0);
    setActiveIndex(0);
  };

  // Scrolling near the end fetches the next page; End from the keyboard gets there too.
  const lastVisible = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    // A new first page was measured at the old rows' scroll position, before it went back to the top.
    if (seenEpoch.current !== epoch) {
      seenEpoch.current = epoch;
      return;
    }
    if (nextCursor !== null && status === 'idle' && lastVisible >= events.length - 10) void loadMore();
  }, [lastVisible, events.length, nextCursor, status, loadMore, epoch]);

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
    <div className={`event-list${showSource ? '' : ' event-list--no-source'}${showDelivery ? ' event-list--delivery' : ''}`}>
      {held > 0 && (
        <button type="button" className="event-list__new" data-testid="new-arrivals" onClick={showNew}>
          {held} new ↑
        </button>
      )}
      <div className="event-list__head" aria-hidden="true">
        <span>Time</span>
        {showSource && <span>Source</span>}
        <span>Event type</span>
        <span>Verification</span>
        <span>Actions</span>
        {showDelivery && <span>Forwarded</span>}
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
        onScroll={(e) => setAtTop(e.currentTarget.scrollTop <= TOP_SLACK)}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index];
            if (!event) return null;
            return (
              <EventRow
                key={item.key}
                event={event}
                showDelivery={showDelivery}
                sourceName={!showSource ? null : event.sourceId ? (sourceNames.get(event.sourceId) ?? 'deleted source') : 'unknown endpoint'}
                active={item.index === activeIndex}
                selected={event.id === selectedId}
                top={item.start}
                height={item.size}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
      {status === 'loading-more' && (
        <p className="event-list__more muted" role="status" data-testid="loading-older">
          Loading older events…
        </p>
      )}
    </div>
  );
});
