/** Object-specific DML rules, by object name. Everything else gets the generic field rules only. */
import { contactRules } from './contactRules.ts';
import { permissionSetAssignmentRules } from './permissionSetAssignmentRules.ts';
import type { ObjectRules } from './types.ts';
import { userRules } from './userRules.ts';

const RULES: Record<string, ObjectRules> = {
  user: userRules,
  permissionsetassignment: permissionSetAssignmentRules,
  contact: contactRules,
};

export function rulesFor(objectName: string): ObjectRules {
  return RULES[objectName.toLowerCase()] ?? {};
}
