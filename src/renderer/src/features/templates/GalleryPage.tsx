import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { CategoryFilter } from './CategoryFilter';
import { ConnectDialog } from './ConnectDialog';
import { filterTemplates, presentCategories } from './gallery-filter';
import { TemplateCard } from './TemplateCard';
import { CustomSourceCard } from '../sources/CustomSourceCard';
import './templates.css';

/** Cards in the same row share a top edge; that tells ↑/↓ how far to jump, whatever the width. */
function columnsOf(cards: HTMLElement[]): number {
  const top = cards[0]?.offsetTop;
  const n = cards.findIndex((c) => c.offsetTop !== top);
  return n === -1 ? cards.length : n;
}

/** The pre-built integrations: pick one, connect it with its verification, mappings and samples. */
export function GalleryPage() {
  const templates = useApp((s) => s.templates);
  const status = useApp((s) => s.templatesStatus);
  const error = useApp((s) => s.templatesError);
  const query = useApp((s) => s.templateQuery);
  const category = useApp((s) => s.templateCategory);
  const connectId = useApp((s) => s.connectTemplateId);
  const loadTemplates = useApp((s) => s.loadTemplates);
  const setQuery = useApp((s) => s.setTemplateQuery);
  const setCategory = useApp((s) => s.setTemplateCategory);
  const openConnect = useApp((s) => s.openConnect);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (templates.length === 0) void loadTemplates();
  }, [templates.length, loadTemplates]);

  const shown = useMemo(() => filterTemplates(templates, query, category), [templates, query, category]);
  const categories = useMemo(() => presentCategories(templates), [templates]);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const cards = [...(gridRef.current?.querySelectorAll<HTMLElement>('.template-card') ?? [])];
    const at = cards.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const cols = columnsOf(cards);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + cols, ArrowUp: at - cols, Home: 0, End: cards.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    cards[Math.max(0, Math.min(to, cards.length - 1))]?.focus();
  };

  return (
    <div className="page gallery" data-testid="page-gallery">
      <div className="gallery__inner">
        <header className="gallery__header">
          <div>
            <h1 className="gallery__title">Integrations</h1>
            <p className="muted gallery__lede">Connect a service from a template — its verification, default mappings and sample events come with it.</p>
          </div>
          <input
            className="input gallery__search"
            type="search"
            placeholder="Search integrations or event types"
            aria-label="Search integrations"
            data-testid="template-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                gridRef.current?.querySelector<HTMLElement>('.template-card')?.focus();
              }
            }}
          />
        </header>
        <CategoryFilter categories={categories} value={category} onChange={setCategory} />
        <ErrorNotice message={error} onRetry={() => void loadTemplates()} />
        {status === 'loading' && templates.length === 0 ? (
          <LoadingState label="Loading integrations…" />
        ) : shown.length === 0 && status !== 'error' ? (
          <EmptyState title="No integration matches" testId="gallery-empty">
            <p>Try another word, or use Custom HTTP for any service that sends webhooks.</p>
          </EmptyState>
        ) : (
          <div ref={gridRef} className="gallery__grid" role="list" aria-label="Integrations" onKeyDown={onGridKey}>
            {shown.map((t) => (
              <div role="listitem" key={t.id} className="gallery__cell">
                <TemplateCard template={t} onOpen={() => openConnect(t.id)} />
              </div>
            ))}
            <div role="listitem" className="gallery__cell">
              <CustomSourceCard />
            </div>
          </div>
        )}
      </div>
      {connectId !== null && <ConnectDialog key={connectId} templateId={connectId} />}
    </div>
  );
}
