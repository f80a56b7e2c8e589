import type { FieldShape, FieldType, PayloadShape } from '../../../shared/domain/shape';

/** A step of a shape path: a key, or any item of an array. */
type Step = { key: string } | { item: true };

const STEP = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\[\*\]/g;

/** The steps of a path `infer.ts` wrote (`body.a["b c"][*].d`), without its namespace. */
export function stepsOf(path: string): Step[] {
  const steps: Step[] = [];
  for (const m of path.slice(path.search(/[.[]/) >>> 0).matchAll(STEP)) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ key: m[2] });
    else if (m[3] !== undefined) steps.push({ key: JSON.parse(m[3]) as string });
    else steps.push({ item: true });
  }
  return steps;
}

/** The shape as a tree, each node with its field's statistics (absent for paths cut by the caps). */
interface Node {
  field?: FieldShape;
  keys: Map<string, Node>;
  item?: Node;
}

function treeOf(fields: readonly FieldShape[]): Node {
  const root: Node = { keys: new Map() };
  for (const field of fields) {
    const steps = field.path.includes('.') || field.path.includes('[') ? stepsOf(field.path) : [];
    let node = root;
    for (const step of steps) {
      if ('item' in step) node = node.item ??= { keys: new Map() };
      else {
        let next = node.keys.get(step.key);
        if (!next) node.keys.set(step.key, (next = { keys: new Map() }));
        node = next;
      }
    }
    node.field = field;
  }
  return root;
}

const typesAt = (node: Node): FieldType[] => node.field?.types.map((t) => t.type) ?? [node.item ? 'array' : 'object'];

/** Required: present in every event its parent was present in. */
const required = (child: Node, parent: Node): boolean =>
  child.field !== undefined && parent.field !== undefined && child.field.seen >= parent.field.seen;

type JsonSchema = { [key: string]: unknown };

function schemaOf(node: Node): JsonSchema {
  const variants = typesAt(node).map((type): JsonSchema => {
    if (type === 'object') {
      const properties: Record<string, JsonSchema> = {};
      const req: string[] = [];
      for (const [key, child] of node.keys) {
        properties[key] = schemaOf(child);
        if (required(child, node)) req.push(key);
      }
      return { type: 'object', properties, ...(req.length ? { required: req } : {}) };
    }
    if (type === 'array') return { type: 'array', ...(node.item ? { items: schemaOf(node.item) } : {}) };
    return { type };
  });
  const examples = node.field?.examples.length ? { examples: node.field.examples } : {};
  return variants.length === 1 ? { ...variants[0], ...examples } : { anyOf: variants, ...examples };
}

/** The shape as a JSON Schema (draft 2020-12) for the body; fields in every event are required. */
export function toJsonSchema(shape: PayloadShape): JsonSchema {
  const title = `${shape.eventType || 'untyped'} events (${shape.environment})`;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    description: `Learned by Inlet from ${shape.eventCount} events.`,
    ...schemaOf(treeOf(shape.fields)),
  };
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function tsOf(node: Node, indent: string): string {
  const variants = typesAt(node).map((type) => {
    if (type === 'object') {
      if (node.keys.size === 0) return 'Record<string, unknown>';
      const inner = `${indent}  `;
      const lines = [...node.keys].map(([key, child]) => {
        const name = IDENT.test(key) ? key : JSON.stringify(key);
        return `${inner}${name}${required(child, node) ? '' : '?'}: ${tsOf(child, inner)};`;
      });
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    if (type === 'array') {
      const item = node.item ? tsOf(node.item, indent) : 'unknown';
      return /[|&]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    return type;
  });
  return variants.join(' | ');
}

/** The shape as a TypeScript type declaration named after the event type. */
export function toTypeScript(shape: PayloadShape): string {
  const words = (shape.eventType || 'untyped').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('').replace(/^(\d)/, '_$1') + 'Payload';
  return `/** Learned by Inlet from ${shape.eventCount} ${shape.eventType || 'untyped'} events (${shape.environment}). */\nexport type ${name} = ${tsOf(treeOf(shape.fields), '')};\n`;
}
