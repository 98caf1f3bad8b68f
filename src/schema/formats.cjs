'use strict';
// The two string formats accord's schemas use, small enough to load on every cold start
// (ajv-formats' full set compiles dozens of large regular expressions at load time).

function date(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

function uri(value) {
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol.length > 1 && (url.host !== '' || url.protocol === 'urn:');
  } catch {
    return false;
  }
}

module.exports = { date, uri };
