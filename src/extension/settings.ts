import * as vscode from 'vscode';
import type { SeverityCustomization } from './severity';

/** `genaiDebt.*` settings, resolved for one workspace folder (or a loose file). */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  onTypeDelay: number;
  problemsScope: 'workspace' | 'openFiles';
  configFile: string;
  exclude: string[];
  git: boolean;
  customizations: SeverityCustomization[];
  codeLens: boolean;
  showDocumentation: boolean;
  baselinePath: string;
}

export const SECTION = 'genaiDebt';

export function readSettings(scope: vscode.ConfigurationScope | undefined): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    onTypeDelay: Math.max(0, Math.min(5000, config.get<number>('onTypeDelay', 300))),
    problemsScope: config.get<string>('problems.scope', 'workspace') === 'openFiles' ? 'openFiles' : 'workspace',
    configFile: config.get<string>('configFile', '').trim(),
    exclude: list(config.get('exclude', [])),
    git: config.get<boolean>('git', true),
    customizations: (config.get<unknown[]>('rules.customizations', []) ?? []).filter(
      (item): item is SeverityCustomization => typeof item === 'object' && item !== null && typeof (item as SeverityCustomization).rule === 'string',
    ),
    codeLens: config.get<boolean>('codeLens.enable', true),
    showDocumentation: config.get<boolean>('codeAction.showDocumentation', true),
    baselinePath: config.get<string>('baselinePath', '.genai-debt/baseline.json').trim() || '.genai-debt/baseline.json',
  };
}
