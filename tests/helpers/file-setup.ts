// vitest setupFiles: runs before every test file, also with `isolate: false` (a module-level afterAll in
// a helper would fire only for the first file of each worker).
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { fastCheckSeed } from './fast-check-seed.js';
import { removeTempDirs } from './tmp.js';

// Property tests are deterministic: every fc.assert uses the run's seed (printed by global set-up).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fastCheckSeed() });

afterAll(() => removeTempDirs());
