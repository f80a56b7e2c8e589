import { svgDataUrl } from './gallery-filter';

/** A template's logo. As an image, so markup inside the SVG is never part of the page. */
export function TemplateLogo({ svg, color, size = 40 }: { svg: string; color: string; size?: number }) {
  return (
    <span className="template-logo" style={{ width: size, height: size, borderColor: `${color}33` }} aria-hidden="true">
      <img src={svgDataUrl(svg)} alt="" width={size - 8} height={size - 8} draggable={false} />
    </span>
  );
}
