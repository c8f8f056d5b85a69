import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding package.json, `src/framework` and `templates/`).
 * `src/core/paths.ts` and `dist/core/paths.js` sit at the same depth, so one relative URL serves both.
 */
export const PACKAGE_ROOT: string = fileURLToPath(new URL('../../', import.meta.url));
