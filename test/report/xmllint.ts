import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vendorFile } from '../support/vendor.js';

const XSD = vendorFile('jenkins-xunit-junit-10.xsd');

/**
 * Runs the real xmllint on a document. A missing xmllint throws (ENOENT), so the test fails rather than skips:
 * install it with `apt-get install -y libxml2-utils`.
 */
function withFile<T>(xml: string, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'accord-junit-'));
  try {
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates against the Jenkins xUnit JUnit schema; returns xmllint's stderr, throws with it when invalid. */
export function validateJunit(xml: string): string {
  return withFile(xml, (file) => {
    try {
      return execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const { stderr, message } = error as { stderr?: string; message: string };
      throw new Error(`xmllint rejected the JUnit XML:\n${stderr ?? message}`);
    }
  });
}

/** Evaluates an XPath 1.0 expression with xmllint, as a string (wrap in `string()` or `count()`). */
export function xpath(xml: string, expression: string): string {
  const output = withFile(xml, (file) => execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }));
  // xmllint ends its output with one newline of its own.
  return output.endsWith('\n') ? output.slice(0, -1) : output;
}
