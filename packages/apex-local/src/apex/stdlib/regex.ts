/** Pattern and Matcher (Apex Reference Guide). Java regex syntax is close enough to JavaScript's for common use. */
import type { ExecutionContext } from '../interp/context.ts';
import { CPU_US } from '../interp/cpu.ts';
import { ListV, NativeV, T, int, type Value } from '../values.ts';
import { intArg, str } from './args.ts';
import type { Stdlib } from './registry.ts';

function compile(ix: ExecutionContext, re: string, flags = ''): RegExp {
  try {
    const inline = re.startsWith('(?i)');
    return new RegExp(inline ? re.slice(4) : re, flags + (inline ? 'i' : ''));
  } catch {
    return ix.fail('System.StringException', `Invalid regex: ${re}`);
  }
}

/** CPU of regular expression work (interp/cpu.ts): compiling `pattern` (null: already compiled), scanning `scanned` characters. */
export function chargeRegex(ix: ExecutionContext, pattern: string | null, scanned: number): void {
  const compiling = pattern === null ? 0 : CPU_US.regexCompile + pattern.length * CPU_US.regexPatternChar;
  ix.chargeCpu(compiling + scanned * CPU_US.regexInputChar);
}

interface MatcherState {
  re: string;
  input: string;
  last: RegExpExecArray | null;
  pos: number;
}

function matcher(re: string, input: string): NativeV {
  return new NativeV('Matcher', { re, input, last: null, pos: 0 } as MatcherState);
}

function group(ix: ExecutionContext, m: MatcherState, i: Value): Value {
  if (!m.last) return ix.fail('System.StringException', 'No match found');
  const n = i === undefined ? 0 : intArg(ix, i);
  return m.last[n] ?? null;
}

export function installRegex(lib: Stdlib): void {
  lib.register(
    {
      name: 'Pattern',
      statics: {
        compile: (ix, [re]) => {
          chargeRegex(ix, str(ix, re), 0);
          return new NativeV('Pattern', { re: str(ix, re) });
        },
        matches: (ix, [re, s]) => {
          chargeRegex(ix, str(ix, re), str(ix, s).length);
          return compile(ix, `^(?:${str(ix, re)})$`).test(str(ix, s));
        },
        quote: (ix, [s]) => str(ix, s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      },
      methods: {
        matcher: (ix, p: NativeV, [s]) => matcher(p.data.re, str(ix, s)),
        pattern: (_ix, p: NativeV) => p.data.re,
        split: (ix, p: NativeV, [s]) => {
          chargeRegex(ix, null, str(ix, s).length);
          return new ListV(T.string, str(ix, s).split(compile(ix, p.data.re)));
        },
      },
    },
    {
      name: 'Matcher',
      methods: {
        matches: (ix, m: NativeV) => {
          const st = m.data as MatcherState;
          chargeRegex(ix, null, st.input.length);
          st.last = compile(ix, `^(?:${st.re})$`).exec(st.input);
          return st.last !== null;
        },
        find: (ix, m: NativeV) => {
          const st = m.data as MatcherState;
          const rx = compile(ix, st.re, 'g');
          rx.lastIndex = st.pos;
          st.last = rx.exec(st.input);
          const from = st.pos;
          if (st.last) st.pos = st.last.index + Math.max(1, st.last[0].length);
          chargeRegex(ix, null, (st.last ? st.pos : st.input.length) - from);
          return st.last !== null;
        },
        lookingat: (ix, m: NativeV) => {
          const st = m.data as MatcherState;
          chargeRegex(ix, null, st.input.length);
          st.last = compile(ix, `^(?:${st.re})`).exec(st.input);
          return st.last !== null;
        },
        group: (ix, m: NativeV, [i]) => group(ix, m.data, i),
        groupcount: (ix, m: NativeV) => int(Math.max(0, (compile(ix, `${m.data.re}|`).exec('')?.length ?? 1) - 1)),
        start: (ix, m: NativeV) =>
          (m.data as MatcherState).last
            ? int((m.data as MatcherState).last!.index)
            : ix.fail('System.StringException', 'No match available'),
        end: (ix, m: NativeV) => {
          const l = (m.data as MatcherState).last;
          return l ? int(l.index + l[0].length) : ix.fail('System.StringException', 'No match available');
        },
        replaceall: (ix, m: NativeV, [r]) => {
          chargeRegex(ix, null, (m.data as MatcherState).input.length);
          return (m.data as MatcherState).input.replace(compile(ix, m.data.re, 'g'), str(ix, r));
        },
        replacefirst: (ix, m: NativeV, [r]) => {
          chargeRegex(ix, null, (m.data as MatcherState).input.length);
          return (m.data as MatcherState).input.replace(compile(ix, m.data.re), str(ix, r));
        },
        reset: (_ix, m: NativeV) => {
          (m.data as MatcherState).pos = 0;
          (m.data as MatcherState).last = null;
          return m;
        },
      },
    },
  );
}
