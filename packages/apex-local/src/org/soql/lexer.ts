/** SOQL tokens. Keywords are identifiers compared case-insensitively by the parser. */
import { OrgError } from '../api.ts';

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'bind' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string; // identifiers keep their case; strings are unescaped; binds hold the expression after ':'
  pos: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;

export function queryError(message: string): OrgError {
  return new OrgError('System.QueryException', message);
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = soql.length;
  while (i < n) {
    const c = soql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      let value = '';
      i++;
      while (i < n && soql[i] !== "'") {
        if (soql[i] === '\\' && i + 1 < n) {
          const e = soql[i + 1]!;
          value +=
            e === 'n'
              ? '\n'
              : e === 't'
                ? '\t'
                : e === 'r'
                  ? '\r'
                  : e === 'b'
                    ? '\b'
                    : e === 'f'
                      ? '\f'
                      : e === '%' || e === '_'
                        ? '\\' + e
                        : e;
          i += 2;
        } else value += soql[i++];
      }
      if (i >= n) throw queryError(`line 1:${start} mismatched character '<EOF>' expecting '''`);
      i++;
      tokens.push({ kind: 'string', text: value, pos: start });
      continue;
    }
    const rest = soql.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      tokens.push({ kind: 'datetime', text: dt[0], pos: start });
      i += dt[0].length;
      continue;
    }
    const d = DATE.exec(rest);
    if (d) {
      tokens.push({ kind: 'date', text: d[0], pos: start });
      i += d[0].length;
      continue;
    }
    if (/[0-9]/.test(c) || ((c === '-' || c === '+') && /[0-9.]/.test(soql[i + 1] ?? '') && prevAllowsSign(tokens))) {
      const m = /^[+-]?\d*\.?\d+([eE][+-]?\d+)?/.exec(rest)!;
      tokens.push({ kind: 'number', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest)!;
      tokens.push({ kind: 'ident', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (c === ':') {
      i++;
      while (i < n && /\s/.test(soql[i]!)) i++;
      const exprStart = i;
      let depth = 0;
      while (i < n) {
        const ch = soql[i]!;
        if (ch === "'") {
          i++;
          while (i < n && soql[i] !== "'") i += soql[i] === '\\' ? 2 : 1;
          i++;
          continue;
        }
        if (ch === '(' || ch === '[') depth++;
        else if (ch === ')' || ch === ']') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (/\s/.test(ch) || ch === ',')) break;
        i++;
      }
      const expr = soql.slice(exprStart, i);
      if (!expr) throw queryError(`unexpected token: ':'`);
      tokens.push({ kind: 'bind', text: expr, pos: start });
      continue;
    }
    const two = soql.slice(i, i + 2);
    if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two, pos: start });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, pos: start });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, pos: start });
      i++;
      continue;
    }
    throw queryError(`line 1:${start} no viable alternative at character '${c}'`);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', pos: n });
  return tokens;
}

function prevAllowsSign(tokens: Token[]): boolean {
  const prev = tokens.at(-1);
  return !prev || prev.kind === 'op' || (prev.kind === 'punct' && prev.text !== ')');
}
