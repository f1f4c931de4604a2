/**
 * Where the local org's virtual clock starts unless told otherwise (`LocalRun.start({ now })`, a scenario's `now`):
 * Monday 2026-12-07, 09:00 UTC. Fixed, so HR dates in a tenant fixture (Pinnacle's future joiner starts four days
 * later) mean the same on every machine and every day. Kept in its own module so the e2e oracle can read it without
 * loading the local org.
 */
export const LOCAL_RUN_START = '2026-12-07T09:00:00Z';
