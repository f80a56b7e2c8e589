import { describe, expect, it } from 'vitest';
import { DEFAULT_SHAPE_LIMITS, emptyShape, fieldsOf, observe, shapeFromFields } from './infer';

const field = (shape: ReturnType<typeof emptyShape>, path: string) => shape.fields.get(path);

describe('payload shape inference', () => {
  it('merges events: each path counts the events it was present in, with types and examples', () => {
    const shape = emptyShape();
    observe(shape, { id: 'evt_1', data: { amount: 100, customer: 'cus_1' } });
    observe(shape, { id: 'evt_2', data: { amount: 250 } });
    expect(shape.eventCount).toBe(2);
    expect(field(shape, 'body.id')).toMatchObject({ seen: 2, examples: ['evt_1', 'evt_2'], types: [{ type: 'string', count: 2 }] });
    expect(field(shape, 'body.data.customer')).toMatchObject({ seen: 1, lastSeen: 1 });
    expect(field(shape, 'body.data.amount')?.types).toEqual([{ type: 'number', count: 2, firstSeen: 1, lastSeen: 2 }]);
  });

  it('records array items under [*] once per event however many items carry a field', () => {
    const shape = emptyShape();
    observe(shape, { items: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c', qty: 2 }] });
    observe(shape, { items: [] });
    expect(field(shape, 'body.items')).toMatchObject({ seen: 2, types: [{ type: 'array', count: 2 }] });
    expect(field(shape, 'body.items[*].sku')).toMatchObject({ seen: 1 });
    expect(field(shape, 'body.items[*].sku')?.examples.sort()).toEqual(['a', 'b', 'c']);
    expect(field(shape, 'body.items[*].qty')?.seen).toBe(1);
  });

  it('keeps a type change with when each type was first and last seen', () => {
    const shape = emptyShape();
    observe(shape, { amount: '12.50' });
    observe(shape, { amount: '3.00' });
    observe(shape, { amount: 1250 });
    expect(field(shape, 'body.amount')?.types).toEqual([
      { type: 'string', count: 2, firstSeen: 1, lastSeen: 2 },
      { type: 'number', count: 1, firstSeen: 3, lastSeen: 3 },
    ]);
  });

  it('spells odd keys as mapping paths do', () => {
    const shape = emptyShape();
    observe(shape, { 'first name': 'Ada', 'x-y': 1 });
    expect([...shape.fields.keys()].sort()).toEqual(['body', 'body.x-y', 'body["first name"]']);
  });

  it('stays bounded with 10,000 fields: 2,000 paths kept, the shape marked truncated', () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i]));
    const shape = emptyShape();
    observe(shape, wide, { ...DEFAULT_SHAPE_LIMITS, maxNodes: 20_000 });
    observe(shape, wide, { ...DEFAULT_SHAPE_LIMITS, maxNodes: 20_000 });
    expect(shape.fields.size).toBe(DEFAULT_SHAPE_LIMITS.maxFields);
    expect(shape.truncated).toBe(true);
    expect(JSON.stringify(fieldsOf(shape)).length).toBeLessThan(400_000);
  });

  it('visits at most maxNodes values per event and stops at maxDepth', () => {
    const shape = emptyShape();
    observe(shape, Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i])), { ...DEFAULT_SHAPE_LIMITS, maxFields: 20_000 });
    expect(shape.fields.size).toBe(DEFAULT_SHAPE_LIMITS.maxNodes);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const deepShape = emptyShape();
    observe(deepShape, deep);
    expect(deepShape.fields.size).toBe(DEFAULT_SHAPE_LIMITS.maxDepth + 1);
  });

  it('keeps learning from a stored shape', () => {
    const first = emptyShape();
    observe(first, { a: 1 });
    const again = shapeFromFields(first.eventCount, first.truncated, JSON.parse(JSON.stringify(fieldsOf(first))) as ReturnType<typeof fieldsOf>);
    observe(again, { a: 2, b: true });
    expect(again.eventCount).toBe(2);
    expect(again.fields.get('body.a')).toMatchObject({ seen: 2, examples: [1, 2] });
    expect(again.fields.get('body.b')).toMatchObject({ seen: 1, lastSeen: 2 });
  });
});
