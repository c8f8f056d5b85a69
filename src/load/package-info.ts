import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';

/**
 * Public addresses of kientruc, as package.json gives them (`homepage`, `repository`). Nothing is
 * guessed: with neither field, or a repository on a host whose file layout is unknown, the address
 * stays undefined and outputs leave the link out rather than point somewhere invented.
 */
export interface ProjectLinks {
  /** The project's home page (SARIF `informationUri`): `homepage`, else the repository's web page. */
  readonly home?: string;
  /** The web address of docs/check.md (SARIF `helpUri`), when the repository's host is GitHub or GitLab. */
  readonly checkDocs?: string;
}

/** `https://host/owner/repo` for the forms npm accepts in `repository`, or undefined. */
function repositoryWebUrl(repository: unknown): { web: string; host: string; directory?: string } | undefined {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return undefined;
  const directory = typeof repository === 'object' && repository !== null ? (repository as { directory?: unknown }).directory : undefined;
  const dir = typeof directory === 'string' && /^[\w.\-/]+$/.test(directory) && !directory.split('/').includes('..') ? directory.replace(/^\/+|\/+$/g, '') : undefined;
  const withDir = (web: string, host: string) => ({ web, host, ...(dir ? { directory: dir } : {}) });
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(raw);
  if (short) {
    const host = `${short[1] ?? 'github'}.${short[1] === 'bitbucket' ? 'org' : 'com'}`;
    return withDir(`https://${host}/${short[2]}/${short[3]}`, host);
  }
  const url = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(raw) ?? /^(?:[^@/]+@)([^/:]+):(.+?)(?:\.git)?$/.exec(raw);
  if (!url || !/^[\w.-]+$/.test(url[1] as string) || !/^[\w.\-/]+$/.test(url[2] as string)) return undefined;
  return withDir(`https://${url[1]}/${url[2]}`, url[1] as string);
}

/** The project's links from a parsed package.json (pure: see `ProjectLinks`). */
export function projectLinksOf(pkg: unknown): ProjectLinks {
  if (typeof pkg !== 'object' || pkg === null) return {};
  const { homepage, repository } = pkg as { homepage?: unknown; repository?: unknown };
  const repo = repositoryWebUrl(repository);
  const home = typeof homepage === 'string' && /^https?:\/\/[^\s]+$/.test(homepage) ? homepage : repo?.web;
  // The address of a file on the default branch: GitHub's and GitLab's layouts are known, others not.
  const blob = repo === undefined ? undefined : repo.host === 'github.com' ? '/blob/HEAD/' : /(^|\.)gitlab\./.test(repo.host) ? '/-/blob/HEAD/' : undefined;
  const checkDocs = repo !== undefined && blob !== undefined ? `${repo.web}${blob}${repo.directory ? `${repo.directory}/` : ''}docs/check.md` : undefined;
  return { ...(home !== undefined ? { home } : {}), ...(checkDocs !== undefined ? { checkDocs } : {}) };
}

const PACKAGE_JSON: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));

/** kientruc's version (package.json), what every output names as the tool's version. */
export const TOOL_VERSION: string = (PACKAGE_JSON as { version: string }).version;

/** kientruc's public addresses, from its own package.json. */
export const PROJECT_LINKS: ProjectLinks = projectLinksOf(PACKAGE_JSON);
