/**
 * TypeScript port of the mapping expression grammar in
 * force-app/main/mapping/classes/EntraSyncExpressionParser.cls, used to validate mapping definitions at build time.
 * Both parsers must agree: expressionFixtures.json holds the shared cases, and expression.test.ts checks this port
 * against it and that EntraSyncExpression_Tests.cls asserts the same cases.
 *
 *   expression := string | number | attribute | "[" attribute "]" | name "(" [expression ("," expression)*] ")"
 *   attribute  := name ("." name)*
 *   string     := '"' (char | '\"' | '\\')* '"'
 */

export type ExpressionNode =
  | { kind: 'literal'; value: string; column: number }
  | { kind: 'attribute'; path: string; column: number }
  | { kind: 'call'; name: string; args: ExpressionNode[]; column: number };

export type ExpressionErrorCode = 'ENTRASYNC_EXPR_SYNTAX' | 'ENTRASYNC_EXPR_UNKNOWN_FUNCTION' | 'ENTRASYNC_EXPR_ARITY';

/** A parse failure; `message` has the same text the Apex parser produces. */
export class ExpressionError extends Error {
  constructor(
    readonly code: ExpressionErrorCode,
    readonly text: string,
    readonly column: number,
  ) {
    super(`${code}: ${text} at column ${column}`);
    this.name = 'ExpressionError';
  }
}

interface FunctionSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number | null;
  readonly pairsAfterTwo?: boolean;
}

/** The language's functions with their argument counts (EntraSyncExpressionFunctions.cls). */
export const FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'Join', min: 2, max: null },
  { name: 'Concat', min: 1, max: null },
  { name: 'Coalesce', min: 1, max: null },
  { name: 'Left', min: 2, max: 2 },
  { name: 'Mid', min: 3, max: 3 },
  { name: 'Lower', min: 1, max: 1 },
  { name: 'Upper', min: 1, max: 1 },
  { name: 'ToLower', min: 1, max: 1 },
  { name: 'ToUpper', min: 1, max: 1 },
  { name: 'Trim', min: 1, max: 1 },
  { name: 'StripSpaces', min: 1, max: 1 },
  { name: 'NormalizeDiacritics', min: 1, max: 1 },
  { name: 'Replace', min: 3, max: 3 },
  { name: 'First', min: 1, max: 1 },
  { name: 'Switch', min: 4, max: null, pairsAfterTwo: true },
];

const FUNCTIONS_BY_NAME = new Map(FUNCTIONS.map((spec) => [spec.name.toLowerCase(), spec]));

const plural = (count: number): string => (count === 1 ? 'argument' : 'arguments');

function arityProblem(spec: FunctionSpec, count: number): string | null {
  if (spec.pairsAfterTwo) {
    return count >= 4 && count % 2 === 0
      ? null
      : `${spec.name} expects a source, a default and key/value pairs, got ${count} arguments`;
  }
  if (spec.min === spec.max && count !== spec.min) {
    return `${spec.name} expects ${spec.min} ${plural(spec.min)}, got ${count}`;
  }
  if (count < spec.min) return `${spec.name} expects at least ${spec.min} ${plural(spec.min)}, got ${count}`;
  if (spec.max !== null && count > spec.max) {
    return `${spec.name} expects at most ${spec.max} ${plural(spec.max)}, got ${count}`;
  }
  return null;
}

// Apex String.isNumeric() accepts any Unicode decimal digit; \p{Nd} matches the same set.
const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
// Apex String.isAlpha() accepts any Unicode letter; \p{L} matches the same set.
const isNameStart = (c: string): boolean => /^[\p{L}_]$/u.test(c);
const isNamePart = (c: string): boolean => isNameStart(c) || isDigit(c);
// Apex String.isWhitespace(): space, tab, newline and the other Unicode white space characters.
const isWhitespace = (c: string): boolean => /^\s$/u.test(c);

class Parser {
  private position = 0;

  constructor(private readonly source: string) {}

  parseAll(): ExpressionNode {
    const root = this.parseExpression();
    this.skipWhitespace();
    if (!this.atEnd()) throw this.syntaxError(`Unexpected '${this.current()}'`);
    return root;
  }

  private parseExpression(): ExpressionNode {
    this.skipWhitespace();
    if (this.atEnd()) throw this.syntaxError('Expected an attribute, string or function');
    const c = this.current();
    if (c === '"') return this.parseString();
    if (isDigit(c)) return this.parseNumber();
    if (c === '[') return this.parseBracketedAttribute();
    if (isNameStart(c)) {
      const start = this.column();
      const name = this.readName();
      this.skipWhitespace();
      if (!this.atEnd() && this.current() === '(') return this.parseCall(name, start);
      return { kind: 'attribute', path: this.readPathRest(name), column: start };
    }
    throw this.syntaxError(`Unexpected '${c}'`);
  }

  private parseString(): ExpressionNode {
    const start = this.column();
    this.position++;
    let value = '';
    while (!this.atEnd()) {
      let c = this.current();
      if (c === '"') {
        this.position++;
        return { kind: 'literal', value, column: start };
      }
      if (c === '\\' && this.position + 1 < this.source.length) {
        this.position++;
        c = this.current();
      }
      value += c;
      this.position++;
    }
    throw new ExpressionError('ENTRASYNC_EXPR_SYNTAX', 'Unterminated string starting', start);
  }

  private parseNumber(): ExpressionNode {
    const start = this.column();
    const from = this.position;
    while (!this.atEnd() && isDigit(this.current())) this.position++;
    return { kind: 'literal', value: this.source.slice(from, this.position), column: start };
  }

  private parseBracketedAttribute(): ExpressionNode {
    const start = this.column();
    this.position++;
    this.skipWhitespace();
    if (this.atEnd() || !isNameStart(this.current())) throw this.syntaxError('Expected an attribute name');
    const path = this.readPathRest(this.readName());
    this.skipWhitespace();
    this.expect(']');
    return { kind: 'attribute', path, column: start };
  }

  private parseCall(name: string, start: number): ExpressionNode {
    const spec = FUNCTIONS_BY_NAME.get(name.toLowerCase());
    if (!spec) throw new ExpressionError('ENTRASYNC_EXPR_UNKNOWN_FUNCTION', `Unknown function '${name}'`, start);
    const args: ExpressionNode[] = [];
    this.position++; // (
    this.skipWhitespace();
    if (!this.atEnd() && this.current() === ')') {
      this.position++;
    } else {
      for (;;) {
        args.push(this.parseExpression());
        this.skipWhitespace();
        if (this.atEnd()) throw this.syntaxError("Expected ')'");
        if (this.current() === ',') {
          this.position++;
          continue;
        }
        if (this.current() === ')') {
          this.position++;
          break;
        }
        throw this.syntaxError("Expected ',' or ')'");
      }
    }
    const problem = arityProblem(spec, args.length);
    if (problem) throw new ExpressionError('ENTRASYNC_EXPR_ARITY', problem, start);
    return { kind: 'call', name: spec.name, args, column: start };
  }

  private readPathRest(first: string): string {
    let path = first;
    while (!this.atEnd() && this.current() === '.') {
      this.position++;
      if (this.atEnd() || !isNameStart(this.current())) throw this.syntaxError('Expected an attribute name');
      path += `.${this.readName()}`;
    }
    return path;
  }

  private readName(): string {
    const from = this.position;
    while (!this.atEnd() && isNamePart(this.current())) this.position++;
    return this.source.slice(from, this.position);
  }

  private expect(expected: string): void {
    if (this.atEnd() || this.current() !== expected) throw this.syntaxError(`Expected '${expected}'`);
    this.position++;
  }

  private skipWhitespace(): void {
    while (!this.atEnd() && isWhitespace(this.current())) this.position++;
  }

  private atEnd(): boolean {
    return this.position >= this.source.length;
  }

  private current(): string {
    return this.source.charAt(this.position);
  }

  private column(): number {
    return this.position + 1;
  }

  private syntaxError(text: string): ExpressionError {
    return new ExpressionError('ENTRASYNC_EXPR_SYNTAX', text, this.column());
  }
}

/** Parses an expression; throws {@link ExpressionError} with the 1-based column on invalid input. */
export function parseExpression(source: string): ExpressionNode {
  return new Parser(source).parseAll();
}

/** Attribute paths the expression reads, in order of first use. */
export function attributePaths(node: ExpressionNode): string[] {
  const paths: string[] = [];
  const visit = (current: ExpressionNode): void => {
    if (current.kind === 'attribute' && !paths.includes(current.path)) paths.push(current.path);
    if (current.kind === 'call') current.args.forEach(visit);
  };
  visit(node);
  return paths;
}
