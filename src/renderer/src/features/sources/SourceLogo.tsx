import { useApp } from '../../app/store-context';
import { CUSTOM_TEMPLATE_ID, type Source } from '../../../../shared/domain/source';

/**
 * The template's logo, shown as an image (an SVG in an <img> cannot run scripts), or a monogram for
 * custom sources and templates the list does not know.
 */
export function SourceLogo({ source, size = 28 }: { source: Source; size?: number }) {
  const brand = useApp((s) => (source.templateId === CUSTOM_TEMPLATE_ID ? undefined : s.templateBrands[source.templateId]));
  if (brand) {
    return (
      <span className="source-logo" style={{ width: size, height: size }} data-testid="source-logo" data-kind="template">
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(brand.branding.logoSvg)}`} alt={`${brand.name} logo`} width={size - 6} height={size - 6} />
      </span>
    );
  }
  const letters = source.name.replace(/[^A-Za-z0-9]/g, '').slice(0, 2).toUpperCase() || '?';
  return (
    <span className="source-logo source-logo--monogram" style={{ width: size, height: size, fontSize: size * 0.4 }} aria-hidden="true" data-testid="source-logo" data-kind="monogram">
      {letters}
    </span>
  );
}
