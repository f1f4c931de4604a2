/** Line coverage: executable lines are the lines holding statements (and initialised fields), per class file. */
import type { Stmt, TypeDecl } from '../apex/ast.ts';
import type { ClassInfo } from '../apex/binder/classInfo.ts';

export interface ClassCoverage {
  className: string;
  file: string;
  lines: number;
  covered: number;
  uncovered: number[];
}

function stmtLines(s: Stmt | null, out: Set<number>): void {
  if (!s) return;
  if (s.k !== 'block') out.add(s.line);
  switch (s.k) {
    case 'block':
      s.body.forEach((x) => stmtLines(x, out));
      break;
    case 'if':
      stmtLines(s.then, out);
      stmtLines(s.else, out);
      break;
    case 'while':
    case 'dowhile':
    case 'foreach':
      stmtLines(s.body, out);
      break;
    case 'for':
      if (s.init && !Array.isArray(s.init)) stmtLines(s.init, out);
      stmtLines(s.body, out);
      break;
    case 'try':
      stmtLines(s.body, out);
      s.catches.forEach((c) => stmtLines(c.body, out));
      stmtLines(s.fin, out);
      break;
    case 'switch':
      s.whens.forEach((w) => stmtLines(w.body, out));
      break;
    case 'runas':
      stmtLines(s.body, out);
      break;
  }
}

export function executableLines(d: TypeDecl, out = new Set<number>()): Set<number> {
  for (const m of [...d.methods, ...d.ctors]) stmtLines(m.body, out);
  for (const p of d.props) {
    stmtLines(p.getter?.body ?? null, out);
    stmtLines(p.setter?.body ?? null, out);
  }
  for (const b of [...d.staticInits, ...d.instanceInits]) stmtLines(b, out);
  for (const i of d.inner) executableLines(i, out);
  return out;
}

export function lineCoverage(classes: ClassInfo[], hits: Map<string, Set<number>> | null): ClassCoverage[] {
  const out: ClassCoverage[] = [];
  for (const c of classes) {
    if (!c.decl || !c.file) continue;
    const lines = executableLines(c.decl);
    if (!lines.size) continue;
    const hit = hits?.get(c.file) ?? new Set<number>();
    const uncovered = [...lines].filter((l) => !hit.has(l)).sort((a, b) => a - b);
    out.push({ className: c.name, file: c.file, lines: lines.size, covered: lines.size - uncovered.length, uncovered });
  }
  return out.sort((a, b) => a.className.localeCompare(b.className));
}
