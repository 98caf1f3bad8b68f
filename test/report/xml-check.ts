import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import { vendorFile } from '../support/vendor.js';

const XSD = readFileSync(vendorFile('jenkins-xunit-junit-10.xsd'), 'utf8');

// Loaded without its declarations: they pull the DOM library into the whole program's types.
const { select } = createRequire(import.meta.url)('xpath') as { select(expression: string, node: unknown, single: true): unknown };

/**
 * Validates against the Jenkins xUnit JUnit schema with libxml2's xmllint compiled to WebAssembly
 * (the npm package xmllint-wasm, so no system program is needed); throws with xmllint's messages when invalid.
 */
export async function validateJunit(xml: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: XSD } });
  if (!result.valid) throw new Error(`xmllint rejected the JUnit XML:\n${result.rawOutput}`);
}

/** Evaluates an XPath 1.0 expression as a string (wrap it in `string()`, `count()` or `concat()`); the XML must be well-formed. */
export function xpath(xml: string, expression: string): string {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  });
  return String(select(expression, parser.parseFromString(xml, 'text/xml'), true));
}
