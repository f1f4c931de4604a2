/** Contact: Name is maintained by the platform from FirstName and LastName. */
import type { ObjectRules } from './types.ts';

export const contactRules: ObjectRules = {
  prepare(row) {
    row.Name = [row.FirstName, row.LastName].filter((p) => p !== null && p !== undefined && p !== '').join(' ') || null;
  },
};
