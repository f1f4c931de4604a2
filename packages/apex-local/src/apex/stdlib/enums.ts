/** System enums (Apex Reference Guide): RoundingMode, LoggingLevel, StatusCode, ParentJobResult, Schema.DisplayType, JSONToken. */
import { EnumV, ListV, type Value } from '../values.ts';
import type { Stdlib } from './registry.ts';
import type { NativeType } from './types.ts';

const cache = new Map<string, EnumV>();

export function enumValue(type: string, name: string, ordinal = 0): EnumV {
  const k = `${type}.${name}`;
  let v = cache.get(k);
  if (!v) cache.set(k, (v = new EnumV(type, name, ordinal)));
  return v;
}

export function systemEnum(name: string, values: string[], aliases: string[] = [], open = false): NativeType {
  const staticProps: Record<string, () => Value> = {};
  values.forEach((v, i) => (staticProps[v.toLowerCase()] = () => enumValue(name, v, i)));
  return {
    name,
    aliases,
    staticProps,
    statics: {
      values: () =>
        new ListV(
          { name, args: [], kind: 'native' },
          values.map((v, i) => enumValue(name, v, i)),
        ),
      valueof: (_ix, [s]) =>
        typeof s === 'string' ? (values.includes(s) || open ? enumValue(name, s, values.indexOf(s)) : null) : null,
    },
    staticGet: open
      ? (_ix, n) => (/^[A-Z_0-9]+$/.test(n) ? enumValue(name, n, values.indexOf(n)) : undefined)
      : undefined,
  };
}

export const DISPLAY_TYPES = [
  'ADDRESS',
  'ANYTYPE',
  'BASE64',
  'BOOLEAN',
  'COMBOBOX',
  'CURRENCY',
  'DATACATEGORYGROUPREFERENCE',
  'DATE',
  'DATETIME',
  'DOUBLE',
  'EMAIL',
  'ENCRYPTEDSTRING',
  'ID',
  'INTEGER',
  'LONG',
  'MULTIPICKLIST',
  'PERCENT',
  'PHONE',
  'PICKLIST',
  'REFERENCE',
  'STRING',
  'TEXTAREA',
  'TIME',
  'URL',
];

export function installEnums(lib: Stdlib): void {
  lib.register(
    systemEnum(
      'System.RoundingMode',
      ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'],
      ['roundingmode'],
    ),
    systemEnum(
      'System.LoggingLevel',
      ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'],
      ['logginglevel'],
    ),
    systemEnum(
      'System.StatusCode',
      [
        'DUPLICATE_VALUE',
        'REQUIRED_FIELD_MISSING',
        'STRING_TOO_LONG',
        'DUPLICATE_USERNAME',
        'MIXED_DML_OPERATION',
        'LICENSE_LIMIT_EXCEEDED',
        'INVALID_CROSS_REFERENCE_KEY',
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        'INVALID_FIELD',
        'UNABLE_TO_LOCK_ROW',
      ],
      ['statuscode'],
      true,
    ),
    systemEnum('System.ParentJobResult', ['SUCCESS', 'UNHANDLED_EXCEPTION'], ['parentjobresult']),
    systemEnum('Schema.DisplayType', DISPLAY_TYPES, ['displaytype']),
    systemEnum(
      'System.JSONToken',
      [
        'END_ARRAY',
        'END_OBJECT',
        'FIELD_NAME',
        'NOT_AVAILABLE',
        'START_ARRAY',
        'START_OBJECT',
        'VALUE_EMBEDDED_OBJECT',
        'VALUE_FALSE',
        'VALUE_NULL',
        'VALUE_NUMBER_FLOAT',
        'VALUE_NUMBER_INT',
        'VALUE_STRING',
        'VALUE_TRUE',
      ],
      ['jsontoken'],
    ),
    systemEnum('System.AccessLevel', ['SYSTEM_MODE', 'USER_MODE'], ['accesslevel']),
  );
}
