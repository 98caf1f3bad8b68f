'use strict';
// The two string formats accord's schemas use, small enough to load on every cold start
// (ajv-formats' full set compiles dozens of large regular expressions at load time).

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a real calendar day. Read digit by digit: every deployment holds a few dates. */
function date(value) {
  if (value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** The number written by `count` ASCII digits from `from`, or -1 if any is not a digit. */
function digits(text, from, count) {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A plain http(s) URL: lower-case host labels that start with a letter (so never read as an IPv4
 * address, and never punycode, which the URL parser checks), then a path of unreserved characters.
 * Every such string is an absolute URL with a host, so most endpoint URLs skip the URL parser,
 * the costliest step of validating a manifest; anything else is parsed.
 */
const PLAIN_URL = /^https?:\/\/(?!xn--)[a-z][a-z0-9-]*(?:\.(?!xn--)[a-z][a-z0-9-]*)*(?:\/[\w.~-]*)*$/;

function uri(value) {
  return PLAIN_URL.test(value) || parsedUri(value);
}

/** An absolute URL with a host (or a urn:), as the URL parser reads it: the definition the fast path stands for. */
function parsedUri(value) {
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol.length > 1 && (url.host !== '' || url.protocol === 'urn:');
  } catch {
    return false;
  }
}

module.exports = { date, uri, parsedUri, PLAIN_URL };
