import type { Rule } from 'eslint';

export function layerOf(file: string): { layer: 'app' | 'feature' | 'shared' | 'lib' | 'common' | 'server'; feature?: string };
declare const rule: Rule.RuleModule;
export default rule;
