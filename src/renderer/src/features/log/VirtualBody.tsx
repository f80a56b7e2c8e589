import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { rowText } from './body-lines';
import { VisibleText } from './VisibleText';

const ROW_PX = 18;

/** A large body drawn a screenful of rows at a time, so megabytes of text cost what one screen costs. */
export function VirtualBody({ text, starts, format }: { text: string; starts: Uint32Array; format: 'json' | 'text' }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: starts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 30,
  });
  return (
    <div
      ref={scrollRef}
      className="code body-virtual"
      data-testid="body-view"
      data-format={format}
      tabIndex={0}
      role="region"
      aria-label={`Body, ${starts.length.toLocaleString()} lines`}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} className="body-virtual__row" style={{ height: ROW_PX, transform: `translateY(${item.start}px)` }}>
            <VisibleText text={rowText(text, starts, item.index)} />
          </div>
        ))}
      </div>
    </div>
  );
}
