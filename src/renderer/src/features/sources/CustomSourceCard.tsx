import { useApp } from '../../app/store-context';

/** The gallery's "start from nothing" card: a blank source whose URL, verification and mappings the user sets. */
export function CustomSourceCard() {
  const create = useApp((s) => s.setSourceCreating);
  return (
    <button type="button" className="template-card" data-testid="template-card-custom" data-template-id="custom" onClick={() => create(true)}>
      <span className="template-card__top">
        <span className="template-logo template-logo--blank" aria-hidden="true">
          +
        </span>
        <span className="template-card__heading">
          <span className="template-card__name">Custom</span>
          <span className="template-card__category">Any sender</span>
        </span>
      </span>
      <span className="template-card__description">A blank source: its own URL per environment; choose the verification and write the mappings yourself.</span>
    </button>
  );
}
