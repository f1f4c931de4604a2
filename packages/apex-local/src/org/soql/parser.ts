/** Recursive-descent SOQL parser (SOQL and SOSL Reference: SELECT syntax). */
import type { AggregateFn, ComparisonOp, Condition, FieldPath, Operand, OrderItem, Query, SelectItem } from './ast.ts';
import { queryError, tokenize, type Token } from './lexer.ts';

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const CLAUSE_KEYWORDS = new Set([
  'WHERE',
  'WITH',
  'GROUP',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'FOR',
  'ALL',
  'USING',
  'HAVING',
]);
export const DATE_LITERALS = new Set([
  'TODAY',
  'YESTERDAY',
  'TOMORROW',
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_YEAR',
]);

const cache = new Map<string, Query>();

/** Parses (and caches) a query; the tree is immutable once built. */
export function parseSoql(soql: string): Query {
  let q = cache.get(soql);
  if (!q) {
    q = new Parser(tokenize(soql)).parseTop();
    if (cache.size > 5000) cache.clear();
    cache.set(soql, q);
  }
  return q;
}

class Parser {
  private i = 0;
  private alias: string | undefined;

  constructor(private readonly tokens: Token[]) {}

  parseTop(): Query {
    const q = this.query();
    if (this.peek().kind !== 'eof') this.unexpected();
    return q;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private isKw(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  private acceptKw(word: string): boolean {
    if (this.isKw(word)) {
      this.i++;
      return true;
    }
    return false;
  }

  private expectKw(word: string): void {
    if (!this.acceptKw(word)) this.unexpected();
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }

  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.unexpected();
    this.i++;
  }

  private unexpected(): never {
    const t = this.peek();
    throw queryError(`unexpected token: '${t.kind === 'string' ? `'${t.text}'` : t.text}'`);
  }

  private query(): Query {
    this.expectKw('SELECT');
    const select: SelectItem[] = [];
    do select.push(this.selectItem());
    while (this.isPunct(',') && this.next());
    this.expectKw('FROM');
    const fromTok = this.next();
    if (fromTok.kind !== 'ident' || CLAUSE_KEYWORDS.has(fromTok.text.toUpperCase()))
      throw queryError(`unexpected token: '${fromTok.text}'`);
    const q: Query = {
      select,
      from: fromTok.text,
      withClauses: [],
      groupBy: [],
      orderBy: [],
      forUpdate: false,
      allRows: false,
    };
    if (this.peek().kind === 'ident' && !CLAUSE_KEYWORDS.has(this.peek().text.toUpperCase())) {
      this.alias = this.next().text.toLowerCase();
      q.select = q.select.map((s) => (s.kind === 'field' ? { kind: 'field', path: this.stripAlias(s.path) } : s));
    }
    if (this.acceptKw('WHERE')) q.where = this.condition();
    while (this.acceptKw('WITH')) {
      const t = this.next();
      q.withClauses.push(t.text.toUpperCase());
    }
    if (this.acceptKw('GROUP')) {
      this.expectKw('BY');
      do q.groupBy.push(this.path());
      while (this.isPunct(',') && this.next());
    }
    if (this.isKw('HAVING')) throw queryError('LOCAL_UNSUPPORTED SOQL HAVING is not supported by the local org');
    if (this.acceptKw('ORDER')) {
      this.expectKw('BY');
      do q.orderBy.push(this.orderItem());
      while (this.isPunct(',') && this.next());
    }
    if (this.acceptKw('LIMIT')) q.limit = this.operand();
    if (this.acceptKw('OFFSET')) q.offset = this.operand();
    if (this.acceptKw('FOR')) {
      const t = this.next().text.toUpperCase();
      if (t === 'UPDATE') q.forUpdate = true;
      else if (t !== 'VIEW' && t !== 'REFERENCE') this.unexpected();
    }
    if (this.acceptKw('ALL')) {
      this.expectKw('ROWS');
      q.allRows = true;
    }
    return q;
  }

  private stripAlias(path: FieldPath): FieldPath {
    return this.alias && path.length > 1 && path[0]!.toLowerCase() === this.alias ? path.slice(1) : path;
  }

  private path(): FieldPath {
    const t = this.next();
    if (t.kind !== 'ident') throw queryError(`unexpected token: '${t.text}'`);
    return this.stripAlias(t.text.split('.'));
  }

  private selectItem(): SelectItem {
    if (this.isPunct('(')) {
      this.next();
      const saved = this.alias;
      const query = this.query();
      this.alias = saved;
      this.expectPunct(')');
      return { kind: 'subquery', query };
    }
    const t = this.peek();
    if (t.kind === 'ident' && this.peek(1).kind === 'punct' && this.peek(1).text === '(') {
      const fn = t.text.toUpperCase();
      if (!AGGREGATES.has(fn))
        throw queryError(`LOCAL_UNSUPPORTED SOQL function ${t.text}() is not supported by the local org`);
      this.i += 2;
      if (this.isPunct(')')) {
        this.next();
        if (fn !== 'COUNT') this.unexpected();
        return { kind: 'countAll' };
      }
      const path = this.path();
      this.expectPunct(')');
      const item: SelectItem = { kind: 'aggregate', fn: fn as AggregateFn, path };
      if (this.peek().kind === 'ident' && !this.isKw('FROM')) item.alias = this.next().text;
      return item;
    }
    return { kind: 'field', path: this.path() };
  }

  private orderItem(): OrderItem {
    const path = this.path();
    let descending = false;
    if (this.acceptKw('DESC')) descending = true;
    else this.acceptKw('ASC');
    let nullsLast = descending;
    if (this.acceptKw('NULLS')) {
      if (this.acceptKw('LAST')) nullsLast = true;
      else {
        this.expectKw('FIRST');
        nullsLast = false;
      }
    }
    return { path, descending, nullsLast };
  }

  private condition(): Condition {
    let left = this.conjunction();
    while (this.acceptKw('OR')) left = { kind: 'or', left, right: this.conjunction() };
    return left;
  }

  private conjunction(): Condition {
    let left = this.unary();
    while (this.acceptKw('AND')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): Condition {
    if (this.acceptKw('NOT')) return { kind: 'not', operand: this.unary() };
    if (this.isPunct('(')) {
      this.next();
      const c = this.condition();
      this.expectPunct(')');
      return c;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const path = this.path();
    let op: ComparisonOp;
    const t = this.peek();
    if (t.kind === 'op') {
      this.next();
      op = (t.text === '<>' ? '!=' : t.text) as ComparisonOp;
    } else if (this.acceptKw('LIKE')) op = 'LIKE';
    else if (this.acceptKw('IN')) op = 'IN';
    else if (this.isKw('NOT') && this.isKw('IN', 1)) {
      this.i += 2;
      op = 'NOT IN';
    } else if (this.acceptKw('INCLUDES')) op = 'INCLUDES';
    else if (this.acceptKw('EXCLUDES')) op = 'EXCLUDES';
    else this.unexpected();
    return { kind: 'cmp', path, op, operand: this.operand() };
  }

  private operand(): Operand {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', value: t.text, type: 'string' };
      case 'number':
        return { kind: 'literal', value: Number(t.text), type: 'number' };
      case 'date':
        return { kind: 'literal', value: t.text, type: 'date' };
      case 'datetime':
        return { kind: 'literal', value: new Date(t.text).toISOString(), type: 'datetime' };
      case 'bind':
        return { kind: 'bind', name: t.text };
      case 'punct':
        if (t.text !== '(') break;
        if (this.isKw('SELECT')) {
          const saved = this.alias;
          const query = this.query();
          this.alias = saved;
          this.expectPunct(')');
          return { kind: 'subquery', query };
        }
        {
          const items: Operand[] = [];
          do items.push(this.operand());
          while (this.isPunct(',') && this.next());
          this.expectPunct(')');
          return { kind: 'list', items };
        }
      case 'ident': {
        const word = t.text.toUpperCase();
        if (word === 'NULL') return { kind: 'literal', value: null, type: 'null' };
        if (word === 'TRUE' || word === 'FALSE') return { kind: 'literal', value: word === 'TRUE', type: 'boolean' };
        if (DATE_LITERALS.has(word)) {
          if (word.includes('_N_') || word === 'N_DAYS_AGO') {
            const nTok = this.next();
            if (nTok.kind !== 'bind' || !/^\d+$/.test(nTok.text)) throw queryError(`unexpected token: '${nTok.text}'`);
            return { kind: 'dateLiteral', name: word, n: Number(nTok.text) };
          }
          return { kind: 'dateLiteral', name: word };
        }
        break;
      }
      default:
        break;
    }
    throw queryError(`unexpected token: '${t.text}'`);
  }
}
