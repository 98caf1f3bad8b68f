import pkg from '../package.json' with { type: 'json' };

export const toolName = 'accord';
export const toolVersion: string = pkg.version;
