// Scalars as yaml reads them: plain scalars under the YAML 1.2 core schema, double-quoted escapes.
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar under the YAML 1.2 core schema, as yaml resolves it. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Fast exit: a letter other than n/N/t/T/f/F, or any non-ASCII character, cannot start a null, bool or number.
  if (c >= 0x80 || (c >= 0x61 && c <= 0x7a && c !== 0x6e && c !== 0x74 && c !== 0x66) || (c >= 0x41 && c <= 0x5a && c !== 0x4e && c !== 0x54 && c !== 0x46)) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s.charCodeAt(0) === 0x74 || s.charCodeAt(0) === 0x54;
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}


/** The value of a one-line double-quoted scalar between `from` and `to` (quotes excluded); undefined on a bad escape. */
export function doubleQuoted(s: string, from: number, to: number): string | undefined {
  const slash = s.indexOf('\\', from);
  if (slash < 0 || slash >= to) return s.slice(from, to);
  let out = '';
  let q = from;
  while (q < to) {
    const c = s.charCodeAt(q);
    if (c !== 0x5c) {
      const next = s.indexOf('\\', q);
      const stop = next < 0 || next > to ? to : next;
      out += s.slice(q, stop);
      q = stop;
      continue;
    }
    const e = s[q + 1];
    q += 2;
    switch (e) {
      case '0':
        out += '\0';
        break;
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'v':
        out += '\v';
        break;
      case 'f':
        out += '\f';
        break;
      case 'r':
        out += '\r';
        break;
      case 'e':
        out += '\x1b';
        break;
      case ' ':
        out += ' ';
        break;
      case '"':
        out += '"';
        break;
      case '/':
        out += '/';
        break;
      case '\\':
        out += '\\';
        break;
      case 'N':
        out += '\u0085';
        break;
      case '_':
        out += '\u00a0';
        break;
      case 'L':
        out += '\u2028';
        break;
      case 'P':
        out += '\u2029';
        break;
      case 'x':
      case 'u':
      case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = s.slice(q, q + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex) || q + len > to) return undefined;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) return undefined;
        out += String.fromCodePoint(code);
        q += len;
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}
