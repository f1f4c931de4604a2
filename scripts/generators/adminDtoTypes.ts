/**
 * Build check: the TypeScript DTO shapes the admin screens use (force-app/main/admin/lwc/entraSyncAdminUtils/dto.ts)
 * must match the Apex DTOs they arrive as (the inner classes of force-app/main/admin/classes/EntraSyncAdminDto.cls).
 * A field renamed, added, removed or retyped on one side only fails `npm run build` with every drift listed.
 *
 * dto.ts stays hand-written on purpose: it says what Apex cannot (which fields are always present, which may be
 * null or left out), so this compares names and base types and leaves `?` and `| null` to the TypeScript side.
 *
 *   Apex (one `@AuraEnabled`, non-static field or property)   TypeScript (same-named interface property)
 *   String, Id                                                string
 *   Integer, Long, Decimal, Double                            number
 *   Boolean                                                   boolean
 *   Date, Datetime, Time                                      string (ISO text)
 *   List<X>, Set<X>, X[]                                      X[]
 *   Map<String, X>                                            Record<string, X>
 *   EntraSyncAdminDto.X or X (an inner class)                 X (its interface)
 *
 * Only `@AuraEnabled` members reach a Lightning component, so other public members are not compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ApexErrorListener,
  ApexParserFactory,
  type ClassBodyDeclarationContext,
  type ClassDeclarationContext,
  type TypeNameContext,
  type TypeRefContext,
} from '@apexdevtools/apex-parser';
import ts from 'typescript';
import { PROJECT_ROOT } from '../lib/projectRoot.ts';

export const APEX_DTO_FILE = path.join(PROJECT_ROOT, 'force-app', 'main', 'admin', 'classes', 'EntraSyncAdminDto.cls');
export const TS_DTO_FILE = path.join(
  PROJECT_ROOT,
  'force-app',
  'main',
  'admin',
  'lwc',
  'entraSyncAdminUtils',
  'dto.ts',
);

/** One serialized member of an Apex DTO: its name, its Apex type as written and the TypeScript type it becomes. */
export interface DtoField {
  name: string;
  apexType: string;
  tsType: string;
}

/** An inner class of the Apex DTO class, or an interface of dto.ts. */
export interface DtoShape {
  name: string;
  fields: DtoField[];
}

const SCALARS: Readonly<Record<string, string>> = {
  string: 'string',
  id: 'string',
  integer: 'number',
  long: 'number',
  decimal: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  time: 'string',
};

class SyntaxErrors extends ApexErrorListener {
  readonly messages: string[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.messages.push(`${line}:${column} ${message}`);
  }
}

/**
 * The TypeScript type of an Apex type reference; `innerClasses` are the DTO's own class names (an outer-class
 * qualifier such as `EntraSyncAdminDto.` is dropped).
 * @throws for a type with no mapping (an SObject, Object, a Map keyed by anything but String…)
 */
function tsTypeOf(typeRef: TypeRefContext, outerClass: string, innerClasses: ReadonlySet<string>): string {
  const names = typeRef.typeName_list();
  const arrayDepth = typeRef.arraySubscripts()?.LBRACK_list().length ?? 0;
  const qualified = names.length === 2 && names[0].getText().toLowerCase() === outerClass.toLowerCase();
  if (names.length !== 1 && !qualified) {
    throw new Error(`unsupported Apex type ${typeRef.getText()}`);
  }
  const base = tsTypeOfName(names[names.length - 1], outerClass, innerClasses);
  return base + '[]'.repeat(arrayDepth);
}

function tsTypeOfName(typeName: TypeNameContext, outerClass: string, innerClasses: ReadonlySet<string>): string {
  const typeArguments = typeName.typeArguments()?.typeList().typeRef_list() ?? [];
  const argument = (index: number): string => tsTypeOf(typeArguments[index], outerClass, innerClasses);
  if ((typeName.LIST() || typeName.SET()) && typeArguments.length === 1) {
    const element = argument(0);
    return element.includes('<') || element.includes('|') ? `Array<${element}>` : `${element}[]`;
  }
  if (typeName.MAP() && typeArguments.length === 2 && typeArguments[0].getText().toLowerCase() === 'string') {
    return `Record<string, ${argument(1)}>`;
  }
  const name = typeName.id()?.getText() ?? typeName.getText();
  const scalar = SCALARS[name.toLowerCase()];
  if (scalar) return scalar;
  const inner = [...innerClasses].find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (inner) return inner;
  throw new Error(`unsupported Apex type ${typeName.getText()}`);
}

/** Whether a member is serialized to a Lightning component: `@AuraEnabled` and not static. */
function isAuraEnabledInstanceMember(declaration: ClassBodyDeclarationContext): boolean {
  const modifiers = declaration.modifier_list();
  const annotated = modifiers.some((modifier) => modifier.annotation()?.id().getText().toLowerCase() === 'auraenabled');
  return annotated && !modifiers.some((modifier) => modifier.STATIC());
}

/**
 * Reads the inner classes of an Apex DTO class and their `@AuraEnabled` fields and properties.
 * @throws with line and column on an Apex syntax error, or naming the member whose type has no mapping
 */
export function readApexDtos(source: string, file = 'EntraSyncAdminDto.cls'): DtoShape[] {
  const listener = new SyntaxErrors();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const unit = parser.compilationUnit();
  if (listener.messages.length > 0) {
    throw new Error(`ENTRASYNC_DTO_APEX_SYNTAX ${file}:${listener.messages[0]}`);
  }
  const outer = unit.typeDeclaration().classDeclaration();
  if (!outer) throw new Error(`ENTRASYNC_DTO_APEX_SYNTAX ${file}: expected a class`);
  const outerName = outer.id().getText();
  const innerDeclarations = outer
    .classBody()
    .classBodyDeclaration_list()
    .map((declaration) => declaration.memberDeclaration()?.classDeclaration())
    .filter((declaration): declaration is ClassDeclarationContext => Boolean(declaration));
  const innerClasses = new Set(innerDeclarations.map((declaration) => declaration.id().getText()));

  return innerDeclarations.map((declaration) => {
    const className = declaration.id().getText();
    const fields: DtoField[] = [];
    for (const member of declaration.classBody().classBodyDeclaration_list()) {
      const memberDeclaration = member.memberDeclaration();
      if (!memberDeclaration || !isAuraEnabledInstanceMember(member)) continue;
      const field = memberDeclaration.fieldDeclaration();
      const property = memberDeclaration.propertyDeclaration();
      const typeRef = field?.typeRef() ?? property?.typeRef();
      if (!typeRef) continue;
      const names = field
        ? field
            .variableDeclarators()
            .variableDeclarator_list()
            .map((declarator) => declarator.id().getText())
        : [property!.id().getText()];
      let tsType: string;
      try {
        tsType = tsTypeOf(typeRef, outerName, innerClasses);
      } catch (error) {
        throw new Error(
          `ENTRASYNC_DTO_APEX_TYPE ${file}:${typeRef.start.line} ${outerName}.${className}.${names.join(', ')}: ` +
            `${(error as Error).message}; map it in scripts/generators/adminDtoTypes.ts or use a supported type`,
        );
      }
      for (const name of names) fields.push({ name, apexType: typeRef.getText(), tsType });
    }
    return { name: className, fields };
  });
}

/** A TypeScript type without `null` / `undefined` members, written the way tsTypeOf writes it. */
function baseTsType(type: ts.TypeNode, sourceFile: ts.SourceFile): string {
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  const kept = members.filter(
    (member) =>
      member.kind !== ts.SyntaxKind.UndefinedKeyword &&
      !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword),
  );
  return kept
    .map((member) => member.getText(sourceFile))
    .join(' | ')
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim();
}

/** Reads the exported interfaces of dto.ts and their properties' types (without `| null` / `?`). */
export function readTsDtos(source: string, file = 'dto.ts'): DtoShape[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shapes: DtoShape[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const fields: DtoField[] = [];
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      fields.push({ name: member.name.getText(sourceFile), apexType: '', tsType: baseTsType(member.type, sourceFile) });
    }
    shapes.push({ name: statement.name.text, fields });
  }
  return shapes;
}

/**
 * Every difference between the Apex DTOs and the TypeScript interfaces, one readable line each (empty when they
 * agree). Apex names are case-insensitive, but the JSON a component receives uses the case declared in Apex.
 */
export function compareDtos(apex: readonly DtoShape[], typescript: readonly DtoShape[], outerClass: string): string[] {
  const drift: string[] = [];
  const interfaces = new Map(typescript.map((shape) => [shape.name, shape]));
  for (const apexShape of apex) {
    const tsShape = interfaces.get(apexShape.name);
    if (!tsShape) {
      drift.push(`${outerClass}.${apexShape.name} has no interface ${apexShape.name} in dto.ts`);
      continue;
    }
    const tsFields = new Map(tsShape.fields.map((field) => [field.name, field]));
    const apexNames = new Set(apexShape.fields.map((field) => field.name));
    for (const field of apexShape.fields) {
      const tsField = tsFields.get(field.name);
      if (!tsField) {
        drift.push(
          `${outerClass}.${apexShape.name}.${field.name} (${field.apexType}) is missing from interface ` +
            `${apexShape.name} in dto.ts (expected ${field.name}: ${field.tsType})`,
        );
      } else if (tsField.tsType !== field.tsType) {
        drift.push(
          `${apexShape.name}.${field.name} is ${field.apexType} in Apex, so ${field.tsType} in dto.ts, ` +
            `but dto.ts says ${tsField.tsType}`,
        );
      }
    }
    for (const tsField of tsShape.fields) {
      if (!apexNames.has(tsField.name)) {
        drift.push(
          `${apexShape.name}.${tsField.name} in dto.ts has no @AuraEnabled field or property in ` +
            `${outerClass}.${apexShape.name} (renamed or removed in Apex?)`,
        );
      }
    }
  }
  const apexNames = new Set(apex.map((shape) => shape.name));
  for (const tsShape of typescript) {
    if (!apexNames.has(tsShape.name)) {
      drift.push(`interface ${tsShape.name} in dto.ts has no inner class in ${outerClass}`);
    }
  }
  return drift;
}

/**
 * Compares the two files.
 * @returns the drift lines (empty when dto.ts matches the Apex class)
 */
export function checkDtoFiles(apexFile: string, tsFile: string): string[] {
  const outerClass = path.basename(apexFile, '.cls');
  const apex = readApexDtos(fs.readFileSync(apexFile, 'utf8'), path.relative(PROJECT_ROOT, apexFile));
  const typescript = readTsDtos(fs.readFileSync(tsFile, 'utf8'), path.relative(PROJECT_ROOT, tsFile));
  return compareDtos(apex, typescript, outerClass);
}

export async function generate(): Promise<void> {
  const drift = checkDtoFiles(APEX_DTO_FILE, TS_DTO_FILE);
  const apexName = path.relative(PROJECT_ROOT, APEX_DTO_FILE);
  const tsName = path.relative(PROJECT_ROOT, TS_DTO_FILE);
  if (drift.length > 0) {
    throw new Error(
      `ENTRASYNC_DTO_DRIFT: ${tsName} no longer matches ${apexName}; change the TypeScript (and the components ` +
        `that use it) to follow the Apex:\n${drift.map((line) => `  - ${line}`).join('\n')}`,
    );
  }
  console.log(`  ${tsName} matches ${apexName}`);
}
