import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/projectRoot.ts';
import { ExpressionError, attributePaths, parseExpression } from './expression.ts';
import fixtures from './expressionFixtures.json' with { type: 'json' };

const APEX_TESTS = path.join(PROJECT_ROOT, 'force-app/tests/mapping/classes/EntraSyncExpression_Tests.cls');
/** How a string is written as an Apex single-quoted literal. */
const apexLiteral = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

describe('mapping expression parser (TypeScript port)', () => {
  for (const { source, attributes } of fixtures.valid) {
    it(`parses ${source} and reads ${attributes.join(', ') || 'no attributes'}`, () => {
      assert.deepEqual(attributePaths(parseExpression(source)), attributes);
    });
  }

  for (const { source, message } of fixtures.invalid) {
    it(`rejects ${JSON.stringify(source)} with "${message}"`, () => {
      assert.throws(
        () => parseExpression(source),
        (error: unknown) => error instanceof ExpressionError && error.message === message,
      );
    });
  }

  it('reports the 1-based column and the code separately', () => {
    try {
      parseExpression('Lower(Left(mailNickname, 8)');
      assert.fail('should not parse');
    } catch (error) {
      assert.ok(error instanceof ExpressionError);
      assert.equal(error.code, 'ENTRASYNC_EXPR_SYNTAX');
      assert.equal(error.column, 28);
    }
  });

  it('keeps escaped quotes and backslashes in string literals', () => {
    assert.deepEqual(parseExpression('"a\\"b\\\\c"'), { kind: 'literal', value: 'a"b\\c', column: 1 });
  });

  it('resolves function names case-insensitively to their canonical name', () => {
    const node = parseExpression('COALESCE(mail, "x")');
    assert.equal(node.kind === 'call' ? node.name : '', 'Coalesce');
  });
});

describe('Apex and TypeScript parsers share the grammar fixtures', () => {
  const apexSource = fs.readFileSync(APEX_TESTS, 'utf8');

  for (const { source, message } of fixtures.invalid) {
    it(`EntraSyncExpression_Tests asserts ${JSON.stringify(source)}`, () => {
      assert.ok(apexSource.includes(apexLiteral(source)), `missing source literal ${apexLiteral(source)}`);
      assert.ok(apexSource.includes(apexLiteral(message)), `missing message literal ${apexLiteral(message)}`);
    });
  }

  for (const { source } of fixtures.valid) {
    it(`EntraSyncExpression_Tests parses ${JSON.stringify(source)}`, () => {
      assert.ok(apexSource.includes(apexLiteral(source)), `missing source literal ${apexLiteral(source)}`);
    });
  }
});
