/** Replaces `{0}`, `{1}`… in a custom label with the given values (the platform's label placeholder style). */
export function formatLabel(template: string, ...values: (string | number | null | undefined)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = values[Number(index)];
    return value === null || value === undefined ? '' : String(value);
  });
}
