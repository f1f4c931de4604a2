/** Object-specific DML rules, by object name. Everything else gets the generic field rules only. */
import { contactRules } from './contactRules.ts';
import { accountRules, employeeRules } from './personAccountRules.ts';
import { permissionSetAssignmentRules } from './permissionSetAssignmentRules.ts';
import { caseRules, leadRules, opportunityRules, taskRules } from './standardObjectRules.ts';
import type { ObjectRules } from './types.ts';
import { userRules } from './userRules.ts';

const RULES: Record<string, ObjectRules> = {
  user: userRules,
  permissionsetassignment: permissionSetAssignmentRules,
  contact: contactRules,
  account: accountRules,
  employee2: employeeRules,
  opportunity: opportunityRules,
  case: caseRules,
  task: taskRules,
  lead: leadRules,
};

export function rulesFor(objectName: string): ObjectRules {
  return RULES[objectName.toLowerCase()] ?? {};
}
