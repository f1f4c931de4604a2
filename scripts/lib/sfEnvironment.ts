/**
 * Every `sf` call from scripts and CI runs with these set: without them the pinned CLI checks for updates and sends
 * telemetry, and `SF_AUTOUPDATE_DISABLE` alone even starts a lingering background `sf update` (docs/TOOLCHAIN.md,
 * "Salesforce CLI on Node 20"). `.ci/run` exports the same four.
 */
export const SF_QUIET_ENV: Readonly<Record<string, string>> = Object.freeze({
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_AUTOUPDATE_DISABLE: 'true',
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
});

export function withQuietSf(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ...SF_QUIET_ENV };
}
