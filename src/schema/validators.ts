import * as compiled from './generated/validators.cjs';
import type { CompiledValidator } from './validator-type.js';

export const validators: Readonly<Record<'deployment' | 'rule' | 'approvals' | 'waivers' | 'config' | 'pack', CompiledValidator>> = compiled;
