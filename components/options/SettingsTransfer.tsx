import { useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../lib/settings/schema';
import {
  exportSettingsFile,
  parseSettingsFile,
  settingsFileName,
} from '../../lib/settings/settings-file';
import { t } from '../../lib/i18n/translate';

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
    setOutcome({ kind: 'ok', text: t('transfer_exported', link.download) });
  }

  async function importFile(file: File) {
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setOutcome({
        kind: 'error',
        text: t('transfer_refused', file.name, result.error),
      });
      return;
    }
    await save(result.settings);
    setOutcome({
      kind: 'ok',
      text:
        result.fileVersion < SETTINGS_VERSION
          ? t('transfer_importedUpgraded', file.name, result.fileVersion)
          : t('transfer_imported', file.name),
    });
  }

  return (
    <div class="transfer">
      <div class="transfer-buttons">
        <button type="button" onClick={exportFile}>
          {t('transfer_export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('transfer_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          name="importSettings"
          accept="application/json,.json"
          aria-label={t('transfer_fileLabel')}
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
                text: t('transfer_reset'),
              }),
            );
          }}
        >
          {t('transfer_resetButton')}
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
