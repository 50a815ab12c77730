/**
 * For the script-tag build only: zod/mini's base class without its parse methods. Every
 * zod/mini schema inherits `parse`, `safeParse` and their async twins (and `brand`,
 * `register`, `apply`, `with`), so a bundle carries them, and through them `$ZodError` and its
 * issue formatting, whether or not it calls them. The bundle's own code parses through
 * `parseWith` (src/protocol/parse.ts) and exports no schema, so nothing in it can call them:
 * dropping them takes about 0.6 KB gzip off. The module build (for bundlers) and the server
 * build keep zod as it is.
 *
 * The class is found by parsing, and the build fails, instead of quietly carrying the methods
 * or losing one it needs, when zod/mini's base class has any method other than those named here.
 */
import { parseAst, type Plugin } from 'vite';

/** The methods dropped: nothing in the bundle calls them. */
const DROPPED = new Set(['with', 'parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'brand', 'register', 'apply']);
/** The methods kept: `check` builds every refined schema, through `clone`. */
const KEPT = new Set(['check', 'clone']);

export const ZOD_MINI_SCHEMAS = 'zod/v4/mini/schemas.js';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The object of methods passed to `$constructor("ZodMiniType", init, methods)`. */
function methodsOf(program: Node): Node {
  for (const statement of program.body as Node[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as Node[]) {
      const id = declarator.id as Node & { name?: string };
      const init = declarator.init as (Node & { arguments?: Node[] }) | null;
      if (id.name !== 'ZodMiniType' || init?.type !== 'CallExpression') continue;
      const [name, , methods] = init.arguments ?? [];
      if ((name as Node & { value?: unknown })?.value !== 'ZodMiniType' || methods?.type !== 'ObjectExpression') break;
      return methods;
    }
  }
  throw new Error(`${ZOD_MINI_SCHEMAS}: no $constructor("ZodMiniType", init, { …methods })`);
}

/** `code` (zod/mini's schemas module) with the base class's dropped methods cut out. */
export function withoutParseMethods(code: string): string {
  const methods = methodsOf(parseAst(code) as unknown as Node);
  const found = new Set<string>();
  const kept: string[] = [];
  for (const property of methods.properties as Node[]) {
    const key = property.key as (Node & { name?: string }) | undefined;
    const name = property.type === 'Property' && !property.computed ? key?.name : undefined;
    if (name === undefined || (!DROPPED.has(name) && !KEPT.has(name))) {
      throw new Error(`${ZOD_MINI_SCHEMAS}: ZodMiniType has ${name ?? 'a member'} this build does not know; review scripts/zod-mini-parse.ts`);
    }
    found.add(name);
    if (KEPT.has(name)) kept.push(code.slice(property.start, property.end));
  }
  const missing = [...DROPPED, ...KEPT].filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`${ZOD_MINI_SCHEMAS}: ZodMiniType has no ${missing.join(', ')}; review scripts/zod-mini-parse.ts`);
  return `${code.slice(0, methods.start)}{ ${kept.join(', ')} }${code.slice(methods.end)}`;
}

/** The Vite plugin: applies `withoutParseMethods` to zod/mini's schemas module; fails the build if zod is not where it was. */
export function dropZodMiniParse(): Plugin {
  let applied = false;
  return {
    name: 'shouyin:drop-zod-mini-parse',
    buildStart() {
      applied = false;
    },
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith(`/${ZOD_MINI_SCHEMAS}`)) return null;
      applied = true;
      try {
        return { code: withoutParseMethods(code), map: null };
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
    buildEnd(error) {
      if (!error && !applied) this.error(`${ZOD_MINI_SCHEMAS} was never loaded: zod/mini's layout changed; review scripts/zod-mini-parse.ts`);
    },
  };
}
