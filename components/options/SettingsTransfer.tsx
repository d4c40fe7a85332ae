import { useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../lib/settings/schema';
import {
  exportSettingsFile,
  parseSettingsFile,
  settingsFileName,
} from '../../lib/settings/settings-file';

export interface SettingsTransferProps {
  settings: Settings;
  /** Saves settings (the options page's save, which reports success itself). */
  save: (next: Settings) => Promise<void>;
  /** Clock for the file's date (tests pass a fixed one). */
  now?: () => Date;
}

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Export to a JSON file, import from one (refused with the reason when the file is not a valid
 * R2K Lens settings file, leaving the current settings as they are), and reset to the defaults.
 * The API key is never exported.
 */
export function SettingsTransfer({
  settings,
  save,
  now = () => new Date(),
}: SettingsTransferProps) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function exportFile() {
    const date = now();
    const blob = new Blob([exportSettingsFile(settings, date)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = settingsFileName(date);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setOutcome({ kind: 'ok', text: `Exported to ${link.download} (your API key is not in it).` });
  }

  async function importFile(file: File) {
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setOutcome({
        kind: 'error',
        text: `${file.name} was not imported. ${result.error} Your settings are unchanged.`,
      });
      return;
    }
    await save(result.settings);
    setOutcome({
      kind: 'ok',
      text: `Imported ${file.name}${result.fileVersion < SETTINGS_VERSION ? ` (settings version ${result.fileVersion}, upgraded)` : ''}.`,
    });
  }

  return (
    <div class="transfer">
      <div class="transfer-buttons">
        <button type="button" onClick={exportFile}>
          Export settings…
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import settings…
        </button>
        <input
          ref={fileInput}
          type="file"
          name="importSettings"
          accept="application/json,.json"
          aria-label="Settings file to import"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          onClick={() => {
            void save(DEFAULT_SETTINGS).then(() =>
              setOutcome({
                kind: 'ok',
                text: 'Settings reset to the defaults (your API key is kept).',
              }),
            );
          }}
        >
          Reset to defaults
        </button>
      </div>
      {outcome && (
        <p
          class={outcome.kind === 'error' ? 'error' : 'muted'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          data-testid="transfer-outcome"
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
