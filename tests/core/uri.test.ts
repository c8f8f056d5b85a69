import { describe, expect, it } from 'vitest';
import { uriOfPath } from '../../src/core/uri.js';

describe('uriOfPath', () => {
  it('encodes every segment as an RFC 3986 path segment and keeps the slashes', () => {
    expect(uriOfPath('architecture/systems/a.yaml')).toBe('architecture/systems/a.yaml');
    expect(uriOfPath('kiến trúc/quy hoạch #2, bản 50%.yaml')).toBe('ki%E1%BA%BFn%20tr%C3%BAc/quy%20ho%E1%BA%A1ch%20%232%2C%20b%E1%BA%A3n%2050%25.yaml');
    expect(uriOfPath('a/hạ tầng?v=2[a].yaml')).toBe('a/h%E1%BA%A1%20t%E1%BA%A7ng%3Fv%3D2%5Ba%5D.yaml');
    // A ":" in the first segment would read as a scheme.
    expect(uriOfPath('c:x/y.yaml')).toBe('c%3Ax/y.yaml');
  });

  it('round-trips through a URL parser: no fragment, no query, the same path', () => {
    for (const path of ['a b/#?%.yaml', 'x/[1]/y;z=1&w.yaml', 'đ/🙂.yaml', 'a\\b/c.yaml']) {
      const url = new URL(uriOfPath(path), 'file:///r/');
      expect(url.hash).toBe('');
      expect(url.search).toBe('');
      expect(decodeURIComponent(url.pathname)).toBe(`/r/${path}`);
    }
  });

  it('does not throw on a lone surrogate', () => {
    expect(uriOfPath('a/\ud800.yaml')).toBe('a/%EF%BF%BD.yaml');
  });
});
