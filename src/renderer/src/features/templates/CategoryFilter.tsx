import { CATEGORY_LABEL, type TemplateCategory } from './gallery-filter';

interface Props {
  categories: readonly TemplateCategory[];
  value: TemplateCategory | 'all';
  onChange(value: TemplateCategory | 'all'): void;
}

/** Chips that narrow the gallery to one category; a group of toggle buttons, so Tab then Space/Enter. */
export function CategoryFilter({ categories, value, onChange }: Props) {
  const options: Array<TemplateCategory | 'all'> = ['all', ...categories];
  return (
    <div className="chips" role="group" aria-label="Category" data-testid="category-filter">
      {options.map((c) => (
        <button key={c} type="button" className="chip" aria-pressed={value === c} data-category={c} onClick={() => onChange(c)}>
          {c === 'all' ? 'All' : CATEGORY_LABEL[c]}
        </button>
      ))}
    </div>
  );
}
