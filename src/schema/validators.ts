import * as compiled from './generated/validators.cjs';
import type { CompiledValidator } from './validator-type.js';

/** The validators every run needs. */
export const validators: Readonly<Record<'deployment' | 'rule' | 'pack', CompiledValidator>> = compiled;

type DataValidators = Readonly<Record<'approvals' | 'waivers' | 'config', CompiledValidator>>;
let data: Promise<DataValidators> | undefined;

/** Registries, waivers and config are validated by a module loaded only when one is read. */
export function dataValidators(): Promise<DataValidators> {
  // A CommonJS module's exports arrive as named exports under Node, as `default` from a bundle.
  data ??= import('./generated/data-validators.cjs').then((m) => ('approvals' in m ? m : (m as unknown as { default: DataValidators }).default));
  return data;
}
