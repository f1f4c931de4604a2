/**
 * Build-time validation of field-mapping definitions: what the Apex mapper would otherwise only report at sync time
 * (ENTRASYNC_UNKNOWN_FIELD, ENTRASYNC_UNKNOWN_ATTRIBUTE, ENTRASYNC_EXPR_…) fails the build instead.
 */
import { ExpressionError, attributePaths, parseExpression } from './expression.ts';
import { attributePathProblem } from './graphUserProperties.ts';
import { IDENTITY_TARGETS, ON_OVERFLOW_VALUES, type FieldMappingDefinition } from './types.ts';

/** Custom metadata limits: DeveloperName and label ≤ 40, text fields of EntraSyncFieldMapping__mdt ≤ 255. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_LABEL = 40;
const MAX_TEXT = 255;
const MAX_ORDER = 9999;

/**
 * Every problem in the definitions, one readable line each starting with `ENTRASYNC_MAPPING_INVALID`; empty when valid.
 * @param definitions the mappings to check
 * @param userFields API names of the User fields a mapping may target
 */
export function validateMappings(
  definitions: readonly FieldMappingDefinition[],
  userFields: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const report = (definition: FieldMappingDefinition, text: string): void => {
    problems.push(`ENTRASYNC_MAPPING_INVALID: ${definition.name || '(unnamed)'}: ${text}`);
  };
  const names = new Set<string>();
  const targets = new Set<string>();
  for (const definition of definitions) {
    if (!NAME_PATTERN.test(definition.name) || definition.name.includes('__') || definition.name.endsWith('_')) {
      report(definition, 'name must start with a letter and use letters, digits and single underscores (≤ 40)');
    }
    if (names.has(definition.name)) report(definition, 'name is used twice');
    names.add(definition.name);
    if (!definition.label || definition.label.length > MAX_LABEL)
      report(definition, `label must have 1–${MAX_LABEL} characters`);
    if (!userFields.has(definition.target)) report(definition, `target User.${definition.target} does not exist`);
    const targetKey = `${definition.target}/${definition.applyOn}`;
    if (targets.has(targetKey))
      report(definition, `another mapping already fills ${definition.target} on ${definition.applyOn}`);
    targets.add(targetKey);
    if (definition.applyOn !== 'Create' && definition.applyOn !== 'Always')
      report(definition, 'applyOn must be Create or Always');
    if (!(ON_OVERFLOW_VALUES as readonly string[]).includes(definition.onOverflow)) {
      report(definition, `onOverflow must be ${ON_OVERFLOW_VALUES.join(' or ')}`);
    } else if (definition.onOverflow !== 'Fail' && IDENTITY_TARGETS.has(definition.target)) {
      report(definition, `onOverflow must be Fail for ${definition.target}: a truncated identity is someone else`);
    }
    if (!Number.isInteger(definition.order) || definition.order < 0 || definition.order > MAX_ORDER) {
      report(definition, `order must be a whole number from 0 to ${MAX_ORDER}`);
    }
    if (definition.source.length > MAX_TEXT) report(definition, `source is longer than ${MAX_TEXT} characters`);
    if ((definition.defaultValue ?? '').length > MAX_TEXT)
      report(definition, `defaultValue is longer than ${MAX_TEXT} characters`);
    if (definition.source.trim() === '') {
      if (!definition.defaultValue) report(definition, 'needs a source or a defaultValue');
      continue;
    }
    try {
      for (const path of attributePaths(parseExpression(definition.source))) {
        const problem = attributePathProblem(path);
        if (problem) report(definition, `ENTRASYNC_UNKNOWN_ATTRIBUTE: ${problem}`);
      }
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      report(definition, `${error.message} in "${definition.source}"`);
    }
  }
  return problems;
}
