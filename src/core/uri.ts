/**
 * A relative POSIX path (`architecture/systems/quy hoạch #2.yaml`) as a relative URI reference: every
 * segment percent-encoded as an RFC 3986 path segment, the `/` between segments kept. `#` and `?` are
 * encoded (`encodeURI` keeps them, and a reader then cuts the path at a fragment or query), and so are
 * `%`, `[`, `]` and `:` (a `:` in the first segment would read as a scheme). A lone surrogate, which no
 * file name on disk holds but a string can, becomes U+FFFD instead of throwing.
 */
export function uriOfPath(path: string): string {
  return path
    .replace(LONE_SURROGATE, '\ufffd')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
