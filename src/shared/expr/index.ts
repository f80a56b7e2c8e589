/** The expression language shared by the mapping engine and the visual editor. See docs/mapping-language.md. */
export * from './ast';
export * from './errors';
export { parseExpr, type ParseResult } from './parse';
export { evaluate, type EvalMiss, type EvalResult, type ExprContext } from './evaluate';
export { formatPath, isNamespace, kindOf, listPaths, pathOf, type ListedPath, type ListPathsOptions, type ValueKind } from './paths';
export { literalSource } from './literal';
export * from './schema';
