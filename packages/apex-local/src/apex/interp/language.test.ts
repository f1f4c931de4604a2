/** Conformance: classes, control flow and exceptions (Apex Developer Guide, "Classes, Objects, and Interfaces", "Control Flow Statements", "Exceptions in Apex"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

test('interfaces, abstract/virtual/override and super calls dispatch virtually (Extending a Class)', () => {
  const out = debug(`
    public interface Shape { Decimal area(); }
    public abstract class Base implements Shape {
      public abstract Decimal area();
      public virtual String describe() { return 'shape ' + area(); }
    }
    public class Square extends Base {
      Decimal side;
      public Square(Decimal side) { this.side = side; }
      public override Decimal area() { return side * side; }
      public override String describe() { return 'square, ' + super.describe(); }
    }
    Shape s = new Square(3);
    System.debug(s.area());
    System.debug(((Base) s).describe());
    System.debug(s instanceof Base);
  `);
  assert.deepEqual(out, ['9', 'square, shape 9', 'true']);
});

test('constructors overload by argument type and chain with this(...) (Using Constructors)', () => {
  const out = debug(`
    public class P {
      public String how;
      public P() { this('none'); }
      public P(String s) { how = 'string ' + s; }
      public P(Integer i) { how = 'integer ' + i; }
    }
    System.debug(new P().how); System.debug(new P('x').how); System.debug(new P(4).how);
  `);
  assert.deepEqual(out, ['string none', 'string x', 'integer 4']);
});

test('properties run their accessors; automatic properties store values (Apex Properties)', () => {
  const out = debug(`
    public class T {
      public Integer calls = 0;
      public Integer auto { get; set; }
      public String name { get { calls++; return name == null ? 'unset' : name; } set { name = value.toUpperCase(); } }
    }
    T t = new T(); System.debug(t.name); t.name = 'ada'; System.debug(t.name); t.auto = 5; System.debug(t.auto + t.calls);
  `);
  assert.deepEqual(out, ['unset', 'ADA', '7']);
});

test('static initialisers run once per transaction (Static and Instance Methods, Variables, and Initialization Code)', () => {
  const out = debug(`
    public class Counter {
      public static Integer inits = 0;
      public static final Integer START;
      static { inits++; START = 10; }
      public static Integer next() { return START + inits; }
    }
    System.debug(Counter.next()); System.debug(Counter.next()); System.debug(Counter.inits);
  `);
  assert.deepEqual(out, ['11', '11', '1']);
});

test('static field initialisers and static blocks run in source order (Using Initialization Code)', () => {
  const out = debug(`
    public class Cfg {
      static Map<String, Integer> m;
      static { m = new Map<String, Integer>{ 'a' => 1 }; }
      public static final Set<String> KEYS = m.keySet();
    }
    System.debug(Cfg.KEYS);
  `);
  assert.deepEqual(out, ['{a}']);
});

test('enums: values(), name(), ordinal(), valueOf and switch (Enums)', () => {
  const out = debug(`
    public enum Color { RED, GREEN, BLUE }
    System.debug(Color.values()); System.debug(Color.GREEN.name()); System.debug(Color.BLUE.ordinal());
    Color c = Color.valueOf('RED');
    switch on c { when GREEN { System.debug('g'); } when RED, BLUE { System.debug('r or b'); } }
  `);
  assert.deepEqual(out, ['(RED, GREEN, BLUE)', 'GREEN', '2', 'r or b']);
});

test('all loop forms, break and continue (Loops)', () => {
  const out = debug(`
    Integer s = 0;
    for (Integer i = 0; i < 5; i++) { if (i == 1) continue; if (i == 4) break; s += i; }
    Integer w = 0; while (w < 3) { w++; }
    Integer d = 0; do { d++; } while (d < 0);
    List<String> acc = new List<String>();
    for (String x : new List<String>{'a', 'b'}) { acc.add(x); }
    for (String x : new Set<String>{'c'}) { acc.add(x); }
    System.debug(s + ' ' + w + ' ' + d + ' ' + String.join(acc, ''));
  `);
  assert.deepEqual(out, ['5 3 1 abc']);
});

test('switch on values, when else, and SObject type; String whens are case-sensitive (Switch Statements)', () => {
  const out = debug(`
    for (Object o : new List<Object>{ 1, 'x', new Account(Name = 'A'), null }) {
      if (o instanceof Integer) {
        switch on (Integer) o { when 1 { System.debug('one'); } when else { System.debug('other'); } }
      }
    }
    SObject rec = new Contact(LastName = 'L');
    switch on rec { when Account a { System.debug('account'); } when Contact c { System.debug('contact ' + c.LastName); } }
    String s = 'B';
    switch on s { when 'b' { System.debug('lower'); } when 'B' { System.debug('upper'); } }
  `);
  assert.deepEqual(out, ['one', 'contact L', 'upper']);
});

test('ternary, safe navigation ?. and null coalescing ?? (Expression Operators)', () => {
  const out = debug(`
    Account a; String n = a?.Name; System.debug(n); System.debug(n ?? 'fallback');
    Integer x = 3; System.debug(x > 2 ? 'big' : 'small');
    List<String> l; System.debug(l?.size());
  `);
  assert.deepEqual(out, ['null', 'fallback', 'big', 'null']);
});

test('casts check the runtime type (Classes and Casting)', () => {
  const f = failure(`Object o = 'text'; Integer i = (Integer) o;`);
  assert.equal(f.type, 'System.TypeException');
  assert.equal(f.message, 'Invalid conversion from runtime type String to Integer');
  const g = failure(`Object o = JSON.deserializeUntyped('["a"]'); List<String> l = (List<String>) o;`);
  assert.equal(g.message, 'Invalid conversion from runtime type List<ANY> to List<String>');
});

test('custom exceptions, hierarchy, catch order, finally and exception methods (Exception Class)', () => {
  const out = debug(`
    public class AppException extends Exception {}
    public class NotFound extends AppException {}
    try {
      try { throw new NotFound('missing'); }
      finally { System.debug('finally'); }
    } catch (AppException e) {
      System.debug(e.getTypeName() + ': ' + e.getMessage() + ' @' + e.getLineNumber());
      AppException wrapped = new AppException('outer', e);
      System.debug(wrapped.getCause().getMessage());
    }
    try { Integer i; i++; } catch (Exception e) { System.debug(e.getTypeName()); }
  `);
  assert.deepEqual(out, ['finally', 'NotFound: missing @5', 'missing', 'System.NullPointerException']);
});

test('getStackTraceString names the class, method and line (Exception Class)', () => {
  const out = debug(`
    public class Thrower { public void go() { throw new IllegalArgumentException('bad'); } }
    try { new Thrower().go(); } catch (Exception e) { System.debug(e.getStackTraceString()); }
  `);
  assert.match(out[0], /^Class\.Thrower\.go: line 2, column 1\nAnonymousBlock: line 3, column 1$/);
});

test('an uncaught exception reports its type, message and Apex stack', () => {
  const f = failure(`public class X { public static void boom() { throw new DmlException('nope'); } }\nX.boom();`);
  assert.equal(f.type, 'System.DmlException');
  assert.equal(f.message, 'nope');
  assert.match(f.stack, /Class\.X\.boom: line 1/);
});

test('System.LimitException cannot be caught (Execution Governors and Limits)', () => {
  const f = failure(
    `try { for (Integer i = 0; i < 101; i++) { List<Account> a = [SELECT Id FROM Account]; } } catch (Exception e) { System.debug('caught'); }`,
  );
  assert.equal(f.type, 'System.LimitException');
  assert.match(f.message, /Too many SOQL queries: 101/);
});

test('identifiers are case-insensitive (Apex is case-insensitive)', () => {
  assert.deepEqual(
    debug(
      'integer Count = 1; COUNT++; system.DEBUG(count); LIST<string> l = NEW list<STRING>(); System.debug(l.SIZE());',
    ),
    ['2', '0'],
  );
});

test('inner classes and interfaces implemented across them (Inner Classes)', () => {
  const out = debug(`
    public class Outer {
      public interface Greeter { String greet(String who); }
      public class Polite implements Greeter { public String greet(String who) { return 'Hello ' + who; } }
      public Greeter make() { return new Polite(); }
    }
    System.debug(new Outer().make().greet('Ada'));
    Outer.Greeter g = new Outer.Polite(); System.debug(g instanceof Outer.Polite);
  `);
  assert.deepEqual(out, ['Hello Ada', 'true']);
});

test('user objects print as ClassName:[field=value] (System.debug)', () => {
  assert.deepEqual(debug(`public class Pt { Integer x = 1; String y; } System.debug(new Pt());`), ['Pt:[x=1, y=null]']);
});

test('runaway recursion is System.LimitException: Maximum stack depth reached (Execution Governors and Limits)', () => {
  const f = failure(`public class R { public static Integer down(Integer n) { return 1 + down(n + 1); } }\nR.down(0);`);
  assert.equal(f.type, 'System.LimitException');
  assert.match(f.message, /^Maximum stack depth reached: \d+$/);
});
