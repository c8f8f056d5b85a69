/**
 * Property tests are deterministic in CI: one fixed seed for every `fc.assert`, unless FC_SEED asks
 * for another (to explore, or to replay the seed a failure printed). Global set-up prints it.
 */
export const DEFAULT_SEED = 20260115;

/** The seed of this run: FC_SEED when set (an integer), else the fixed default. */
export function fastCheckSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env['FC_SEED'];
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${raw}"`);
  return seed;
}
