/**
 * Lowering: ANTLR parse tree (from @apexdevtools/apex-parser) -> the plain AST in ../ast.ts.
 * ANTLR's generated context classes expose accessors named after grammar rules; we walk them by hand.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- ANTLR contexts are accessed by rule accessor; typing each one adds nothing */
import * as P from '@apexdevtools/apex-parser';
import type {
  Annotation,
  Expr,
  Literal,
  MethodDecl,
  Param,
  PropertyDecl,
  Stmt,
  TypeDecl,
  TypeRef,
  WhenClause,
} from '../ast.ts';

type Ctx = any;

function isTerminal(n: Ctx): boolean {
  return n.symbol !== undefined;
}

function line(ctx: Ctx): number {
  return ctx?.start?.line ?? 0;
}

/**
 * Inline SOQL is Apex source: `/* … *\/` and `// …` comments may sit inside the brackets (the Apex lexer skips
 * them, apex-parser's grammar: COMMENT and LINE_COMMENT on the hidden channel); the SOQL engine gets the text
 * without them. String literals are kept as they are.
 */
export function withoutComments(text: string): string {
  return text.replace(/'(?:\\.|[^'\\])*'|\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g, (m) => (m.startsWith("'") ? m : ' '));
}

export class Lowerer {
  constructor(private readonly source: string) {}

  // ---------- types ----------
  typeRef(ctx: Ctx): TypeRef {
    const names: Ctx[] = ctx.typeName_list();
    const parts = names.map((n) => (n.LIST() ? 'List' : n.SET() ? 'Set' : n.MAP() ? 'Map' : n.id().getText()));
    const last = names[names.length - 1];
    const ta = last.typeArguments();
    let t: TypeRef = {
      name: parts.join('.'),
      args: ta
        ? ta
            .typeList()
            .typeRef_list()
            .map((x: Ctx) => this.typeRef(x))
        : [],
    };
    const subs = ctx.arraySubscripts()?.LBRACK_list()?.length ?? 0;
    for (let i = 0; i < subs; i++) t = { name: 'List', args: [t] };
    return t;
  }

  // ---------- modifiers ----------
  mods(list: Ctx[]): { mods: string[]; annotations: Annotation[] } {
    const mods: string[] = [];
    const annotations: Annotation[] = [];
    for (const m of list ?? []) {
      const a = m.annotation();
      if (a) annotations.push(this.annotation(a));
      else mods.push(m.getText().toLowerCase());
    }
    return { mods, annotations };
  }

  annotation(a: Ctx): Annotation {
    const params: Record<string, string> = {};
    const pairs = a.elementValuePairs();
    if (pairs)
      for (const p of pairs.elementValuePair_list())
        params[p.id().getText().toLowerCase()] = p.elementValue().getText();
    else if (a.elementValue()) params.value = a.elementValue().getText();
    return { name: (a.qualifiedName?.() ?? a.id()).getText().toLowerCase(), params };
  }

  // ---------- declarations ----------
  typeDeclaration(ctx: Ctx): TypeDecl {
    const { mods, annotations } = this.mods(ctx.modifier_list());
    if (ctx.classDeclaration()) return this.classDecl(ctx.classDeclaration(), mods, annotations);
    if (ctx.enumDeclaration()) return this.enumDecl(ctx.enumDeclaration(), mods, annotations);
    return this.interfaceDecl(ctx.interfaceDeclaration(), mods, annotations);
  }

  emptyType(kind: TypeDecl['kind'], name: string, ctx: Ctx, mods: string[], annotations: Annotation[]): TypeDecl {
    return {
      kind,
      name,
      line: line(ctx),
      endLine: ctx?.stop?.line ?? line(ctx),
      mods,
      annotations,
      ext: null,
      impls: [],
      fields: [],
      props: [],
      methods: [],
      ctors: [],
      inner: [],
      staticInits: [],
      instanceInits: [],
      enumValues: [],
      memberOrder: [],
    };
  }

  enumDecl(ctx: Ctx, mods: string[], annotations: Annotation[]): TypeDecl {
    const t = this.emptyType('enum', ctx.id().getText(), ctx, mods, annotations);
    const c = ctx.enumConstants();
    if (c) t.enumValues = c.id_list().map((i: Ctx) => i.getText());
    return t;
  }

  interfaceDecl(ctx: Ctx, mods: string[], annotations: Annotation[]): TypeDecl {
    const t = this.emptyType('interface', ctx.id().getText(), ctx, mods, annotations);
    if (ctx.typeList())
      t.impls = ctx
        .typeList()
        .typeRef_list()
        .map((x: Ctx) => this.typeRef(x));
    for (const m of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
      const mm = this.mods(m.modifier_list());
      t.methods.push({
        name: m.id().getText(),
        line: line(m),
        mods: [...mm.mods, 'abstract'],
        annotations: mm.annotations,
        ret: m.typeRef() ? this.typeRef(m.typeRef()) : null,
        params: this.params(m.formalParameters()),
        body: null,
        isCtor: false,
      });
    }
    return t;
  }

  classDecl(ctx: Ctx, mods: string[], annotations: Annotation[]): TypeDecl {
    const t = this.emptyType('class', ctx.id().getText(), ctx, mods, annotations);
    if (ctx.typeRef()) t.ext = this.typeRef(ctx.typeRef());
    if (ctx.typeList())
      t.impls = ctx
        .typeList()
        .typeRef_list()
        .map((x: Ctx) => this.typeRef(x));
    for (const b of ctx.classBody().classBodyDeclaration_list()) this.member(t, b);
    return t;
  }

  member(t: TypeDecl, b: Ctx): void {
    if (b.block()) {
      (b.STATIC() ? t.staticInits : t.instanceInits).push(this.block(b.block()));
      return;
    }
    const md = b.memberDeclaration?.() ?? b.anonymousMemberDeclaration?.() ?? b.triggerMemberDeclaration?.();
    if (!md) return;
    const { mods, annotations } = this.mods(b.modifier_list());
    this.memberDecl(t, md, mods, annotations);
  }

  memberDecl(t: TypeDecl, md: Ctx, mods: string[], annotations: Annotation[]): void {
    if (md.methodDeclaration()) {
      const m = md.methodDeclaration();
      t.methods.push({
        name: m.id().getText(),
        line: line(m),
        mods,
        annotations,
        ret: m.typeRef() ? this.typeRef(m.typeRef()) : null,
        params: this.params(m.formalParameters()),
        body: m.block() ? this.block(m.block()) : null,
        isCtor: false,
      });
    } else if (md.constructorDeclaration?.()) {
      const c = md.constructorDeclaration();
      t.ctors.push({
        name: c.qualifiedName().getText(),
        line: line(c),
        mods,
        annotations,
        ret: null,
        params: this.params(c.formalParameters()),
        body: this.block(c.block()),
        isCtor: true,
      });
    } else if (md.fieldDeclaration()) {
      const f = md.fieldDeclaration();
      const type = this.typeRef(f.typeRef());
      for (const v of f.variableDeclarators().variableDeclarator_list()) {
        const name = v.id().getText();
        t.fields.push({
          name,
          line: line(v),
          mods,
          annotations,
          type,
          init: v.expression() ? this.expr(v.expression()) : null,
        });
        if (!mods.includes('static')) t.memberOrder.push(name);
      }
    } else if (md.propertyDeclaration()) {
      const p = md.propertyDeclaration();
      const prop: PropertyDecl = {
        name: p.id().getText(),
        line: line(p),
        mods,
        annotations,
        type: this.typeRef(p.typeRef()),
        getter: null,
        setter: null,
      };
      for (const pb of p.propertyBlock_list()) {
        const pm = this.mods(pb.modifier_list()).mods;
        if (pb.getter()) prop.getter = { body: pb.getter().block() ? this.block(pb.getter().block()) : null, mods: pm };
        if (pb.setter()) prop.setter = { body: pb.setter().block() ? this.block(pb.setter().block()) : null, mods: pm };
      }
      t.props.push(prop);
      if (!mods.includes('static')) t.memberOrder.push(prop.name);
    } else if (md.classDeclaration()) {
      t.inner.push(this.classDecl(md.classDeclaration(), mods, annotations));
    } else if (md.interfaceDeclaration()) {
      t.inner.push(this.interfaceDecl(md.interfaceDeclaration(), mods, annotations));
    } else if (md.enumDeclaration()) {
      t.inner.push(this.enumDecl(md.enumDeclaration(), mods, annotations));
    }
  }

  params(fp: Ctx): Param[] {
    const list = fp.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p: Ctx) => ({ type: this.typeRef(p.typeRef()), name: p.id().getText() }));
  }

  // ---------- statements ----------
  block(ctx: Ctx): Stmt {
    return { k: 'block', line: line(ctx), body: ctx.statement_list().map((s: Ctx) => this.stmt(s)) };
  }

  stmt(s: Ctx): Stmt {
    const ln = line(s);
    if (s.block()) return this.block(s.block());
    if (s.localVariableDeclarationStatement())
      return this.localVar(s.localVariableDeclarationStatement().localVariableDeclaration());
    if (s.expressionStatement()) return { k: 'expr', line: ln, e: this.expr(s.expressionStatement().expression()) };
    if (s.ifStatement()) {
      const i = s.ifStatement();
      const sts = i.statement_list();
      return {
        k: 'if',
        line: ln,
        c: this.expr(i.parExpression().expression()),
        then: this.stmt(sts[0]),
        else: sts[1] ? this.stmt(sts[1]) : null,
      };
    }
    if (s.returnStatement()) {
      const e = s.returnStatement().expression();
      return { k: 'return', line: ln, e: e ? this.expr(e) : null };
    }
    if (s.forStatement()) return this.forStmt(s.forStatement());
    if (s.whileStatement()) {
      const w = s.whileStatement();
      return {
        k: 'while',
        line: ln,
        c: this.expr(w.parExpression().expression()),
        body: w.statement() ? this.stmt(w.statement()) : null,
      };
    }
    if (s.doWhileStatement()) {
      const d = s.doWhileStatement();
      return { k: 'dowhile', line: ln, c: this.expr(d.parExpression().expression()), body: this.block(d.block()) };
    }
    if (s.tryStatement()) {
      const t = s.tryStatement();
      return {
        k: 'try',
        line: ln,
        body: this.block(t.block()),
        catches: t.catchClause_list().map((c: Ctx) => ({
          type: c.qualifiedName().getText(),
          name: c.id().getText(),
          body: this.block(c.block()),
          line: line(c),
        })),
        fin: t.finallyBlock() ? this.block(t.finallyBlock().block()) : null,
      };
    }
    if (s.throwStatement()) return { k: 'throw', line: ln, e: this.expr(s.throwStatement().expression()) };
    if (s.breakStatement()) return { k: 'break', line: ln };
    if (s.continueStatement()) return { k: 'continue', line: ln };
    if (s.switchStatement()) return this.switchStmt(s.switchStatement());
    for (const op of ['insert', 'update', 'delete', 'undelete'] as const) {
      const d = s[`${op}Statement`]();
      if (d) return { k: 'dml', line: ln, op, e: this.expr(d.expression()), ext: null };
    }
    if (s.upsertStatement()) {
      const u = s.upsertStatement();
      return {
        k: 'dml',
        line: ln,
        op: 'upsert',
        e: this.expr(u.expression()),
        ext: u.qualifiedName() ? u.qualifiedName().getText() : null,
      };
    }
    if (s.mergeStatement()) return { k: 'unsupported', line: ln, what: 'merge statement' };
    if (s.runAsStatement()) {
      const r = s.runAsStatement();
      return {
        k: 'runas',
        line: ln,
        args: r.expressionList()
          ? r
              .expressionList()
              .expression_list()
              .map((e: Ctx) => this.expr(e))
          : [],
        body: this.block(r.block()),
      };
    }
    return { k: 'unsupported', line: ln, what: `statement '${s.getText().slice(0, 40)}'` };
  }

  localVar(d: Ctx): Stmt {
    return {
      k: 'var',
      line: line(d),
      type: this.typeRef(d.typeRef()),
      decls: d
        .variableDeclarators()
        .variableDeclarator_list()
        .map((v: Ctx) => ({ name: v.id().getText(), init: v.expression() ? this.expr(v.expression()) : null })),
    };
  }

  forStmt(f: Ctx): Stmt {
    const ln = line(f);
    const fc = f.forControl();
    const body = f.statement() ? this.stmt(f.statement()) : null;
    const en = fc.enhancedForControl();
    if (en)
      return {
        k: 'foreach',
        line: ln,
        type: this.typeRef(en.typeRef()),
        name: en.id().getText(),
        iter: this.expr(en.expression()),
        body,
      };
    const fi = fc.forInit();
    let init: Stmt | Expr[] | null = null;
    if (fi)
      init = fi.localVariableDeclaration()
        ? this.localVar(fi.localVariableDeclaration())
        : fi
            .expressionList()
            .expression_list()
            .map((e: Ctx) => this.expr(e));
    return {
      k: 'for',
      line: ln,
      init,
      c: fc.expression() ? this.expr(fc.expression()) : null,
      update: fc.forUpdate()
        ? fc
            .forUpdate()
            .expressionList()
            .expression_list()
            .map((e: Ctx) => this.expr(e))
        : [],
      body,
    };
  }

  switchStmt(s: Ctx): Stmt {
    const whens: WhenClause[] = s.whenControl_list().map((w: Ctx) => {
      const wv = w.whenValue();
      const body = this.block(w.block());
      if (wv.ELSE()) return { kind: 'else', values: [], body };
      if (wv.typeRef())
        return { kind: 'type', values: [], type: this.typeRef(wv.typeRef()), name: wv.id().getText(), body };
      return { kind: 'values', values: wv.whenLiteral_list().map((l: Ctx) => this.whenLiteral(l)), body };
    });
    return { k: 'switch', line: line(s), e: this.expr(s.expression()), whens };
  }

  whenLiteral(l: Ctx): Expr {
    const ln = line(l);
    if (l.whenLiteral()) return this.whenLiteral(l.whenLiteral());
    const neg = (l.SUB_list()?.length ?? 0) % 2 === 1;
    if (l.IntegerLiteral()) return { k: 'lit', line: ln, lit: this.intLit(l.IntegerLiteral().getText(), neg) };
    if (l.LongLiteral())
      return {
        k: 'lit',
        line: ln,
        lit: { t: 'long', v: (neg ? '-' : '') + l.LongLiteral().getText().replace(/[lL]$/, '') },
      };
    if (l.StringLiteral())
      return { k: 'lit', line: ln, lit: { t: 'string', v: unescapeApex(l.StringLiteral().getText()) } };
    if (l.NULL()) return { k: 'lit', line: ln, lit: { t: 'null' } };
    const parts: string[] = l
      .qualifiedName()
      .id_list()
      .map((i: Ctx) => i.getText());
    let e: Expr = { k: 'name', line: ln, name: parts[0] };
    for (const p of parts.slice(1)) e = { k: 'dot', line: ln, obj: e, name: p, safe: false };
    return e;
  }

  // ---------- expressions ----------
  exprList(ctx: Ctx): Expr[] {
    return ctx ? ctx.expression_list().map((e: Ctx) => this.expr(e)) : [];
  }

  expr(e: Ctx): Expr {
    const ln = line(e);
    if (e instanceof P.PrimaryExpressionContext) return this.primary(e.primary());
    if (e instanceof P.DotExpressionContext) {
      const obj = this.expr(e.expression());
      const safe = !!e.QUESTIONDOT();
      const dm = e.dotMethodCall();
      if (dm)
        return { k: 'call', line: ln, obj, name: dm.anyId().getText(), args: this.exprList(dm.expressionList()), safe };
      return { k: 'dot', line: ln, obj, name: e.anyId().getText(), safe };
    }
    if (e instanceof P.MethodCallExpressionContext) {
      const m = e.methodCall();
      const args = this.exprList(m.expressionList());
      if (m.THIS()) return { k: 'ctorcall', line: ln, which: 'this', args };
      if (m.SUPER()) return { k: 'ctorcall', line: ln, which: 'super', args };
      return { k: 'call', line: ln, obj: null, name: m.id().getText(), args, safe: false };
    }
    if (e instanceof P.ArrayExpressionContext)
      return { k: 'index', line: ln, obj: this.expr(e.expression(0)), idx: this.expr(e.expression(1)) };
    if (e instanceof P.NewExpressionContext) return this.creator(e.creator(), ln);
    if (e instanceof P.CastExpressionContext)
      return { k: 'cast', line: ln, type: this.typeRef(e.typeRef()), e: this.expr(e.expression()) };
    if (e instanceof P.SubExpressionContext) return this.expr(e.expression());
    if (e instanceof P.PostOpExpressionContext)
      return { k: 'incdec', line: ln, op: e.INC() ? '++' : '--', prefix: false, target: this.expr(e.expression()) };
    if (e instanceof P.PreOpExpressionContext) {
      const inner = this.expr(e.expression());
      if (e.INC() || e.DEC()) return { k: 'incdec', line: ln, op: e.INC() ? '++' : '--', prefix: true, target: inner };
      if (e.SUB() && inner.k === 'lit') {
        const l = inner.lit;
        if (l.t === 'int' || l.t === 'double') return { k: 'lit', line: ln, lit: { t: l.t, v: -l.v } as Literal };
        if (l.t === 'long' || l.t === 'decimal')
          return { k: 'lit', line: ln, lit: { t: l.t, v: l.v.startsWith('-') ? l.v.slice(1) : '-' + l.v } };
      }
      return { k: 'unary', line: ln, op: e.SUB() ? '-' : '+', e: inner };
    }
    if (e instanceof P.NegExpressionContext)
      return { k: 'unary', line: ln, op: e.BANG() ? '!' : '~', e: this.expr(e.expression()) };
    if (e instanceof P.InstanceOfExpressionContext)
      return { k: 'instanceof', line: ln, e: this.expr(e.expression()), type: this.typeRef(e.typeRef()) };
    if (e instanceof P.CondExpressionContext)
      return {
        k: 'cond',
        line: ln,
        c: this.expr(e.expression(0)),
        a: this.expr(e.expression(1)),
        b: this.expr(e.expression(2)),
      };
    if (e instanceof P.AssignExpressionContext) {
      return {
        k: 'assign',
        line: ln,
        op: this.opText(e),
        target: this.expr(e.expression(0)),
        value: this.expr(e.expression(1)),
      };
    }
    if (
      e instanceof P.Arth1ExpressionContext ||
      e instanceof P.Arth2ExpressionContext ||
      e instanceof P.BitExpressionContext ||
      e instanceof P.CmpExpressionContext ||
      e instanceof P.EqualityExpressionContext ||
      e instanceof P.BitAndExpressionContext ||
      e instanceof P.BitNotExpressionContext ||
      e instanceof P.BitOrExpressionContext ||
      e instanceof P.LogAndExpressionContext ||
      e instanceof P.LogOrExpressionContext ||
      e instanceof P.CoalExpressionContext
    ) {
      return {
        k: 'bin',
        line: ln,
        op: this.opText(e),
        l: this.expr((e as Ctx).expression(0)),
        r: this.expr((e as Ctx).expression(1)),
      };
    }
    return { k: 'unsupported', line: ln, what: `expression '${e.getText().slice(0, 40)}'` };
  }

  /** operator text = the terminal children between the two operand expressions */
  opText(e: Ctx): string {
    let s = '';
    for (const c of e.children) if (isTerminal(c)) s += c.getText();
    return s;
  }

  intLit(text: string, neg: boolean): Literal {
    const v = Number(text) * (neg ? -1 : 1);
    return { t: 'int', v };
  }

  literal(l: Ctx): Literal {
    if (l.IntegerLiteral()) return this.intLit(l.IntegerLiteral().getText(), false);
    if (l.LongLiteral()) return { t: 'long', v: l.LongLiteral().getText().replace(/[lL]$/, '') };
    if (l.NumberLiteral()) {
      const t: string = l.NumberLiteral().getText();
      if (/[dD]$/.test(t)) return { t: 'double', v: Number(t.slice(0, -1)) };
      return { t: 'decimal', v: t };
    }
    if (l.StringLiteral()) return { t: 'string', v: unescapeApex(l.StringLiteral().getText()) };
    if (l.MultilineStringLiteral()) return { t: 'string', v: unescapeApex(l.MultilineStringLiteral().getText()) };
    if (l.BooleanLiteral()) return { t: 'bool', v: l.BooleanLiteral().getText().toLowerCase() === 'true' };
    return { t: 'null' };
  }

  primary(p: Ctx): Expr {
    const ln = line(p);
    if (p instanceof P.ThisPrimaryContext) return { k: 'this', line: ln };
    if (p instanceof P.SuperPrimaryContext) return { k: 'super', line: ln };
    if (p instanceof P.LiteralPrimaryContext) return { k: 'lit', line: ln, lit: this.literal(p.literal()) };
    if (p instanceof P.TypeRefPrimaryContext) return { k: 'typelit', line: ln, type: this.typeRef(p.typeRef()) };
    if (p instanceof P.IdPrimaryContext) return { k: 'name', line: ln, name: p.id().getText() };
    if (p instanceof P.SoqlPrimaryContext) return this.soql(p.soqlLiteral().query(), ln);
    if (p instanceof P.SoslPrimaryContext) return { k: 'unsupported', line: ln, what: 'SOSL query' };
    return { k: 'unsupported', line: ln, what: `expression '${p.getText().slice(0, 40)}'` };
  }

  creator(c: Ctx, ln: number): Expr {
    const pairs: Ctx[] = c.createdName().idCreatedNamePair_list();
    const last = pairs[pairs.length - 1];
    let type: TypeRef = {
      name: pairs.map((x) => x.anyId().getText()).join('.'),
      args: last.typeList()
        ? last
            .typeList()
            .typeRef_list()
            .map((x: Ctx) => this.typeRef(x))
        : [],
    };
    if (c.noRest()) {
      // `new Map<K,V>{}` / `new List<T>{}` / `new Set<T>{}`
      const n = type.name.toLowerCase();
      if (n === 'map') return { k: 'new', line: ln, type, args: [], mapInit: [] };
      return { k: 'new', line: ln, type, args: [], listInit: [] };
    }
    if (c.classCreatorRest()) {
      const args = this.exprList(c.classCreatorRest().arguments().expressionList());
      const allAssign = args.length > 0 && args.every((a) => a.k === 'assign' && a.op === '=' && a.target.k === 'name');
      if (allAssign) {
        return {
          k: 'new',
          line: ln,
          type,
          args: [],
          fieldInits: args.map((a) => ({
            name: (a as { target: { name: string } }).target.name,
            value: (a as { value: Expr }).value,
          })),
        };
      }
      return { k: 'new', line: ln, type, args };
    }
    if (c.arrayCreatorRest()) {
      const ar = c.arrayCreatorRest();
      type = { name: 'List', args: [type] };
      if (ar.expression()) return { k: 'new', line: ln, type, args: [], arraySize: this.expr(ar.expression()) };
      const init = ar.arrayInitializer();
      return { k: 'new', line: ln, type, args: [], listInit: init ? this.exprList(init) : [] };
    }
    if (c.mapCreatorRest()) {
      return {
        k: 'new',
        line: ln,
        type,
        args: [],
        mapInit: c
          .mapCreatorRest()
          .mapCreatorRestPair_list()
          .map((p: Ctx) => [this.expr(p.expression(0)), this.expr(p.expression(1))] as [Expr, Expr]),
      };
    }
    if (c.setCreatorRest()) return { k: 'new', line: ln, type, args: [], listInit: this.exprList(c.setCreatorRest()) };
    return { k: 'new', line: ln, type, args: [] };
  }

  /** Inline SOQL: the query text with each `:expr` bind replaced by `:bindN`, plus the bind expressions. */
  soql(q: Ctx, ln: number): Expr {
    const binds: { start: number; stop: number; expr: Expr }[] = [];
    const visit = (n: Ctx): void => {
      if (n instanceof P.BoundExpressionContext) {
        binds.push({ start: n.start.start, stop: n.stop!.stop, expr: this.expr((n as Ctx).expression()) });
        return;
      }
      for (const ch of n.children ?? []) if (!isTerminal(ch)) visit(ch);
    };
    visit(q);
    let text = '';
    let pos = q.start.start;
    binds.forEach((b, i) => {
      text += withoutComments(this.source.slice(pos, b.start)) + `:bind${i}`;
      pos = b.stop + 1;
    });
    text += withoutComments(this.source.slice(pos, q.stop.stop + 1));
    const from = q.fromNameList().fieldName(0).getText();
    const fields: string[] = [];
    let count = false;
    for (const se of q.selectList().selectEntry_list()) {
      if (se.fieldName()) fields.push(se.fieldName().getText().toLowerCase());
      else if (se.soqlFunction()) {
        const fn = se.soqlFunction();
        if (fn.COUNT() && !fn.fieldName()) count = true;
        if (se.soqlId()) fields.push(se.soqlId().getText().toLowerCase());
      } else if (se.subQuery()) fields.push(se.subQuery().fromNameList().fieldName(0).getText().toLowerCase());
    }
    return { k: 'soql', line: ln, soql: text, binds: binds.map((b) => b.expr), from, fields, count };
  }

  compilationUnit(cu: Ctx): TypeDecl {
    return this.typeDeclaration(cu.typeDeclaration());
  }

  anonymous(au: Ctx): { decls: TypeDecl; body: Stmt[] } {
    const decls = this.emptyType('class', '__Anonymous', au, [], []);
    const body: Stmt[] = [];
    for (const m of au.anonymousBlock().anonymousBlockMember_list()) {
      if (m.statement()) body.push(this.stmt(m.statement()));
      else {
        const { mods, annotations } = this.mods(m.modifier_list());
        const md = m.anonymousMemberDeclaration();
        const fd = md.fieldDeclaration();
        if (fd && !mods.includes('static')) {
          // a top-level `Type x = …;` in anonymous Apex is a local variable, in statement order
          body.push({
            k: 'var',
            line: line(fd),
            type: this.typeRef(fd.typeRef()),
            decls: fd
              .variableDeclarators()
              .variableDeclarator_list()
              .map((v: Ctx) => ({ name: v.id().getText(), init: v.expression() ? this.expr(v.expression()) : null })),
          });
        } else this.memberDecl(decls, md, mods, annotations);
      }
    }
    return { decls, body };
  }
}

/** Apex string literal escapes (Apex Developer Guide, "Primitive Data Types": \b \t \n \f \r \" \' \\ and \uXXXX). */
export function unescapeApex(lit: string): string {
  const s = lit.slice(1, -1);
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return c;
    }
  });
}

export type { MethodDecl };
