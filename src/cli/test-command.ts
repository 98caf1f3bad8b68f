import { fixtureExitCode, formatFixtureReport, runFixtures, type FixtureFormat } from '../index.js';
import { useColor, write, type CliIo } from './io.js';

export async function runTestCommand(flags: { rules?: string[]; fixtures?: string; format: FixtureFormat }, io: CliIo): Promise<number> {
  const report = await runFixtures({ rules: flags.rules, fixtures: flags.fixtures, cwd: io.cwd });
  await write(io.stdout, formatFixtureReport(report, flags.format, flags.format === 'text' && useColor(io.stdout, io.env)));
  return fixtureExitCode(report);
}
