/**
 * For the script-tag build only: zod without the parts the cashier's bundle can never call.
 * The bundle exports no schema, and its own code parses through `parseWith`
 * (src/protocol/parse.ts), which reads only whether any issue was raised, never an issue's
 * contents. So it does without:
 * - zod/mini's `parse`, `safeParse`, their async twins, `brand`, `register`, `apply` and `with`,
 *   which every schema inherits, and through them `$ZodError` and its issue formatting;
 * - zod's Standard Schema interface (`~standard`, for other libraries to validate with a
 *   schema), and the formatted copies of each option's issues in a failed union's issue (the
 *   issue is still raised: a union that fails still fails);
 * - each schema's lazy `pattern`, `values` and `propValues`: what a discriminated union, a
 *   record's keys or a template literal read of their parts (and JSON Schema output). The
 *   bundle has none of those kinds; the build fails if one of them appears in it.
 * Together about 1.3 KB gzip. The module build (for bundlers) and the server build keep zod
 * as it is, and the schemas the server exports keep every method.
 *
 * What is cut is found by parsing, and the build fails, instead of quietly carrying a part or
 * losing one it needs, when zod's code is not what these cuts were written for.
 */
import { parseAst, type Plugin } from 'vite';

export const ZOD_MINI_SCHEMAS = 'zod/v4/mini/schemas.js';
export const ZOD_CORE_SCHEMAS = 'zod/v4/core/schemas.js';

/** ZodMiniType's methods that go: nothing in the bundle calls them. */
const MINI_DROPPED = new Set(['with', 'parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'brand', 'register', 'apply']);
/** ZodMiniType's methods that stay: `check` builds every refined schema, through `clone`. */
const MINI_KEPT = new Set(['check', 'clone']);

/** The formatted option issues of a failed union; the cut leaves the list empty. */
const UNION_ERRORS = 'errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const named = (node: unknown): string | undefined => (node as { name?: string; value?: unknown } | undefined)?.name ?? ((node as { value?: unknown } | undefined)?.value as string | undefined);

/** The statements of `program`, export wrappers taken off. */
function* statements(program: Node): Generator<Node> {
  for (const statement of program.body as Node[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration) yield declaration;
  }
}

/** The object of methods passed to `$constructor(name, init, methods)` for `const name = …`. */
function methodsOf(program: Node, file: string, name: string): Node {
  for (const declaration of statements(program)) {
    if (declaration.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as Node[]) {
      const init = declarator.init as (Node & { arguments?: Node[] }) | null;
      if (named(declarator.id) !== name || init?.type !== 'CallExpression') continue;
      const [constructorName, , methods] = init.arguments ?? [];
      if (named(constructorName) === name && methods?.type === 'ObjectExpression') return methods;
    }
  }
  throw new Error(`${file}: no $constructor("${name}", init, { …methods }); review scripts/zod-cuts.ts`);
}

/** The method names of an object literal, each as `name` or `get name`/`set name`. */
function memberNames(methods: Node, file: string, owner: string): Array<{ name: string; node: Node }> {
  return (methods.properties as Node[]).map((property) => {
    const name = property.type === 'Property' && !property.computed ? named(property.key) : undefined;
    if (name === undefined) throw new Error(`${file}: ${owner} has a member this build does not know; review scripts/zod-cuts.ts`);
    return { name: property.kind === 'init' ? name : `${String(property.kind)} ${name}`, node: property };
  });
}

/** zod/mini's schemas module with ZodMiniType's unused methods cut out. */
export function cutMiniParse(code: string): string {
  const methods = methodsOf(parseAst(code) as unknown as Node, ZOD_MINI_SCHEMAS, 'ZodMiniType');
  const found = new Set<string>();
  const kept: string[] = [];
  for (const { name: member, node } of memberNames(methods, ZOD_MINI_SCHEMAS, 'ZodMiniType')) {
    const name = member.replace(/^(get|set) /, '');
    if (!MINI_DROPPED.has(name) && !MINI_KEPT.has(name)) {
      throw new Error(`${ZOD_MINI_SCHEMAS}: ZodMiniType has ${name}, which this build does not know; review scripts/zod-cuts.ts`);
    }
    found.add(name);
    if (MINI_KEPT.has(name)) kept.push(code.slice(node.start, node.end));
  }
  const missing = [...MINI_DROPPED, ...MINI_KEPT].filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`${ZOD_MINI_SCHEMAS}: ZodMiniType has no ${missing.join(', ')}; review scripts/zod-cuts.ts`);
  return `${code.slice(0, methods.start)}{ ${kept.join(', ')} }${code.slice(methods.end)}`;
}

/** The lazy members no kind in the bundle reads. */
const UNREAD_LAZIES = new Set(['pattern', 'values', 'propValues']);
/** The kinds that read them: none may be in the bundle. */
export const LAZY_READERS = ['$ZodDiscriminatedUnion', '$ZodRecord', '$ZodTemplateLiteral'];

/** Every `util.defineLazyInternal(inst, "pattern" | "values" | "propValues", …);` statement in `node`. */
function unreadLazies(node: unknown, found: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const child of node) unreadLazies(child, found);
  } else if (node && typeof node === 'object') {
    const { type, expression } = node as { type?: string; expression?: { type?: string; callee?: { property?: unknown }; arguments?: unknown[] } };
    if (
      type === 'ExpressionStatement' &&
      expression?.type === 'CallExpression' &&
      named(expression.callee?.property) === 'defineLazyInternal' &&
      UNREAD_LAZIES.has(named(expression.arguments?.[1]) ?? '')
    ) {
      found.push(node as Node);
      return found;
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') unreadLazies(value, found);
  }
  return found;
}

/**
 * zod's core schemas module without `~standard` on $ZodType, with a failed union's option
 * issues left unformatted, and without the lazy members no kind in the bundle reads.
 */
export function cutCore(code: string): string {
  const program = parseAst(code) as unknown as Node;
  const methods = methodsOf(program, ZOD_CORE_SCHEMAS, '$ZodType');
  const members = memberNames(methods, ZOD_CORE_SCHEMAS, '$ZodType').map(({ name }) => name);
  if (members.join() !== 'get ~standard,set ~standard') {
    throw new Error(`${ZOD_CORE_SCHEMAS}: $ZodType has ${members.join(', ')}, not just ~standard; review scripts/zod-cuts.ts`);
  }
  const union = [...statements(program)].find((node) => node.type === 'FunctionDeclaration' && named(node.id) === 'handleUnionResults');
  const unionText = union ? code.slice(union.start, union.end) : '';
  if (unionText.split(UNION_ERRORS).length !== 2) {
    throw new Error(`${ZOD_CORE_SCHEMAS}: handleUnionResults does not format its option issues as expected; review scripts/zod-cuts.ts`);
  }
  const lazies = unreadLazies(program);
  if (lazies.length === 0) throw new Error(`${ZOD_CORE_SCHEMAS}: no lazy pattern, values or propValues found; review scripts/zod-cuts.ts`);
  // Each cut replaces one node's text; from the last to the first, so earlier offsets hold.
  const cuts: Array<[Node, string]> = [
    [methods, '{}'],
    [union!, unionText.replace(UNION_ERRORS, 'errors: [],')],
    ...lazies.map((node): [Node, string] => [node, '']),
  ];
  cuts.sort(([a], [b]) => b.start - a.start);
  let out = code;
  for (const [node, text] of cuts) out = out.slice(0, node.start) + text + out.slice(node.end);
  return out;
}

const CUTS: Array<[file: string, cut: (code: string) => string]> = [
  [ZOD_MINI_SCHEMAS, cutMiniParse],
  [ZOD_CORE_SCHEMAS, cutCore],
];

/** The Vite plugin: applies each cut to its module; fails the build if a cut fails or its module is never loaded. */
export function cutZod(): Plugin {
  const applied = new Set<string>();
  return {
    name: 'shouyin:cut-zod',
    buildStart() {
      applied.clear();
    },
    transform(code, id) {
      const path = id.replace(/\\/g, '/');
      const found = CUTS.find(([file]) => path.endsWith(`/node_modules/${file}`));
      if (!found) return null;
      applied.add(found[0]);
      try {
        return { code: found[1](code), map: null };
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
    renderChunk(code) {
      const readers = LAZY_READERS.filter((name) => code.includes(`"${name}"`));
      if (readers.length > 0) this.error(`${readers.join(', ')} in the script bundle: it reads the lazy members scripts/zod-cuts.ts cuts`);
      return null;
    },
    buildEnd(error) {
      const missing = CUTS.map(([file]) => file).filter((file) => !applied.has(file));
      if (!error && missing.length > 0) this.error(`${missing.join(', ')} never loaded: zod's layout changed; review scripts/zod-cuts.ts`);
    },
  };
}
