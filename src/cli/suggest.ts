import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../index.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Rewords a parseArgs error as what to type instead: Node's own text talks about positionals
 * and `--` even for a plain typo. The arguments are read again, leniently, to find the option at fault.
 */
export function optionError(error: unknown, command: string, args: readonly string[], options: Options): UsageError {
  const help = `(run accord ${command} --help)`;
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) {
      const long = token.rawName.startsWith('--') ? didYouMean(token.name, Object.keys(options), (name) => `--${name}`) : '';
      return new UsageError(`unknown option ${token.rawName} for accord ${command}${long} ${help}`);
    }
    if (spec.type !== 'string') continue;
    const flag = `--${token.name}`;
    if (token.value === undefined) return new UsageError(`${flag} needs a value ${help}`);
    if (!token.inlineValue && token.value.startsWith('-')) {
      return new UsageError(`${flag} needs a value, and "${token.value}" looks like an option; write ${flag}=${token.value} if it is the value`);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UsageError(`${message.replace(/\s*\n\s*/g, ' ')} ${help}`);
}

/** `--format must be one of text, json (got "jsn"); did you mean "json"?` */
export function choiceError(flag: string, value: string, allowed: readonly string[]): UsageError {
  return new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")${didYouMean(value, allowed)}`);
}

/** `unknown command "chek"; did you mean "check"? (commands: …)` */
export function commandError(name: string, commands: readonly string[]): UsageError {
  return new UsageError(`unknown command "${name}"${didYouMean(name, commands)} (commands: ${commands.join(', ')}; run accord --help)`);
}
