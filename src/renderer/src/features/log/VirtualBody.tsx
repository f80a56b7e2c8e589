import { useLayoutEffect, useRef, useState } from 'react';
import { bodyRowText, rowCount, type BodyRows } from './body-rows';
import { VisibleText } from './VisibleText';

const ROW_PX = 18;
const OVERSCAN = 30;

/**
 * A large body drawn a screenful of rows at a time, so megabytes of text cost what one screen costs.
 * Rows have one height, so the rows in view follow from the scroll offset alone: nothing is
 * measured or kept per row (a 5 MB body has a quarter of a million of them).
 */
export function VirtualBody({ rows, format }: { rows: BodyRows; format: 'json' | 'text' }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const count = rowCount(rows);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, []);

  const first = Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);
  const shown: number[] = [];
  for (let index = first; index < last; index++) shown.push(index);

  return (
    <div
      ref={scrollRef}
      className="code body-virtual"
      data-testid="body-view"
      data-format={format}
      tabIndex={0}
      role="region"
      aria-label={`Body, ${count.toLocaleString()} lines`}
    >
      <div style={{ height: count * ROW_PX, position: 'relative' }}>
        {shown.map((index) => (
          <div key={index} className="body-virtual__row" style={{ height: ROW_PX, transform: `translateY(${index * ROW_PX}px)` }}>
            <VisibleText text={bodyRowText(rows, index)} />
          </div>
        ))}
      </div>
    </div>
  );
}
