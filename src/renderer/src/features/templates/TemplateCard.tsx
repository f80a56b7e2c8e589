import type { TemplateSummary } from '../../../../shared/domain/template';
import { CATEGORY_LABEL } from './gallery-filter';
import { TemplateLogo } from './TemplateLogo';

const MAX_TYPES = 3;

/** One template in the gallery; activating it opens the connect dialog. */
export function TemplateCard({ template, onOpen }: { template: TemplateSummary; onOpen(): void }) {
  const more = template.eventTypes.length - MAX_TYPES;
  return (
    <button type="button" className="template-card" data-testid={`template-card-${template.id}`} data-template-id={template.id} onClick={onOpen}>
      <span className="template-card__top">
        <TemplateLogo svg={template.branding.logoSvg} color={template.branding.color} />
        <span className="template-card__heading">
          <span className="template-card__name">{template.name}</span>
          <span className="template-card__category">{CATEGORY_LABEL[template.category]}</span>
        </span>
      </span>
      <span className="template-card__description">{template.description}</span>
      {template.eventTypes.length > 0 && (
        <span className="template-card__types" aria-label="Event types">
          {template.eventTypes.slice(0, MAX_TYPES).map((t) => (
            <code key={t} className="template-card__type">
              {t}
            </code>
          ))}
          {more > 0 && <span className="template-card__more">+{more} more</span>}
        </span>
      )}
    </button>
  );
}
