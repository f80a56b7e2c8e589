import { z } from 'zod';
import * as action from '../../../shared/domain/action';
import * as environment from '../../../shared/domain/environment';
import * as event from '../../../shared/domain/event';
import * as exported from '../../../shared/domain/export';
import * as mapping from '../../../shared/domain/mapping';
import * as settings from '../../../shared/domain/settings';
import * as source from '../../../shared/domain/source';
import * as template from '../../../shared/domain/template';
import * as verification from '../../../shared/domain/verification';
import * as workspace from '../../../shared/domain/workspace';
import * as expr from '../../../shared/expr/schema';

/*
 * docs/api.md names the shared domain shapes (Source, Mapping, EventDetail…) once, in its Types
 * section, and methods refer to them by name instead of repeating them in full.
 */

const MODULES: ReadonlyArray<Record<string, unknown>> = [action, environment, event, exported, mapping, settings, source, template, verification, workspace, expr];

/** A JSON Schema node, as far as the type notation below needs it. */
interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js | Js[];
  prefixItems?: Js[];
  anyOf?: Js[];
  oneOf?: Js[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: Js | boolean;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, Js>;
}

/** Renders a JSON Schema as a TypeScript-like type, which reads better in docs than the schema. */
function typeOf(s: Js, refName: (id: string) => string, indent = ''): string {
  if (s.$ref) return refName(s.$ref.slice(s.$ref.lastIndexOf('/') + 1));
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeOf(u, refName, indent)).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map((i) => typeOf(i, refName, indent)).join(', ')}]`;
    const item = Array.isArray(s.items) ? s.items[0] : s.items;
    const inner = item ? typeOf(item, refName, indent) : 'unknown';
    return inner.includes(' | ') ? `Array<${inner}>` : `${inner}[]`;
  }
  if (type === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (props.length === 0) {
      const extra = s.additionalProperties;
      return typeof extra === 'object' ? `Record<string, ${typeOf(extra, refName, indent)}>` : '{}';
    }
    const next = `${indent}  `;
    const lines = props.map(([name, prop]) => {
      const optional = !(s.required ?? []).includes(name);
      const dflt = prop.default !== undefined ? ` // default ${JSON.stringify(prop.default)}` : '';
      return `${next}${name}${optional ? '?' : ''}: ${typeOf(prop, refName, next)};${dflt}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (type === 'integer') return 'number';
  return type ?? 'unknown';
}

type Io = 'input' | 'output';
const toJs = (schema: z.ZodType, io: Io, metadata?: z.core.$ZodRegistry<{ id: string }>) =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', ...(metadata ? { metadata } : {}) }) as Js;
const inline = (schema: z.ZodType, io: Io) => typeOf(toJs(schema, io), (id) => id);

/** Every exported `XSchema` of the shared domain whose type spans lines, named `X`; scalars and enums stay inline. */
function domainSchemas(): Array<[string, z.ZodType]> {
  const seen = new Set<unknown>();
  const out: Array<[string, z.ZodType]> = [];
  for (const mod of MODULES) {
    for (const [name, value] of Object.entries(mod)) {
      if (!name.endsWith('Schema') || !(value instanceof z.ZodType) || seen.has(value)) continue;
      seen.add(value);
      if (inline(value, 'output').includes('\n')) out.push([name.slice(0, -'Schema'.length), value]);
    }
  }
  return out;
}

const refsIn = (def: Js): string[] => [...JSON.stringify(def).matchAll(/"#\/\$defs\/([^"]+)"/g)].map((m) => m[1]!);

/**
 * Renders contract schemas with the domain's shapes by name, and collects the names used. A shape
 * that reads differently as an input (a default makes a field optional) is named `XInput` there.
 */
export function namedTypes() {
  const registry = z.registry<{ id: string }>();
  const named = domainSchemas();
  for (const [name, schema] of named) registry.add(schema, { id: name });
  const defs: Record<Io, Map<string, Js>> = { input: new Map(), output: new Map() };
  for (const [, schema] of named) {
    for (const io of ['input', 'output'] as const) {
      for (const [id, def] of Object.entries(toJs(schema, io, registry).$defs ?? {})) if (!defs[io].has(id)) defs[io].set(id, def);
    }
  }
  const differs = new Set(named.map(([name]) => name).filter((n) => JSON.stringify(defs.input.get(n)) !== JSON.stringify(defs.output.get(n))));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name] of named) {
      if (differs.has(name) || !refsIn(defs.input.get(name) ?? {}).some((r) => differs.has(r))) continue;
      differs.add(name);
      grew = true;
    }
  }
  const used = new Map<string, string>();
  const use = (id: string, io: Io): string => {
    const display = io === 'input' && differs.has(id) ? `${id}Input` : id;
    if (used.has(display)) return display;
    used.set(display, ''); // a recursive shape refers to itself by name
    used.set(display, typeOf(defs[io].get(id) ?? {}, (ref) => use(ref, io)));
    return display;
  };
  return {
    render: (schema: z.ZodType, io: Io) => typeOf(toJs(schema, io, registry), (id) => use(id, io)),
    /** The named shapes rendered so far, by name. */
    used: (): Array<[string, string]> => [...used].sort(([a], [b]) => a.localeCompare(b)),
  };
}
