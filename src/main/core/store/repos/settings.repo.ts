import { AppSettingsSchema, type AppSettings } from '../../../../shared/domain/settings';
import type { Db } from '../db';

/** App settings, one JSON document per section; missing or older sections fill in from defaults. */
export function createSettingsRepo(db: Db) {
  const all = db.prepare<[], { section: string; value: string }>('SELECT section, value FROM app_settings');
  const put = db.prepare('INSERT INTO app_settings (section, value) VALUES (?, ?) ON CONFLICT (section) DO UPDATE SET value = excluded.value');

  const get = (): AppSettings => {
    const raw = Object.fromEntries(all.all().map((r) => [r.section, JSON.parse(r.value) as unknown]));
    const parsed = AppSettingsSchema.safeParse(raw);
    // A section that no longer parses (written by another version) falls back to its defaults.
    return parsed.success ? parsed.data : AppSettingsSchema.parse({});
  };

  return {
    get,
    /** Merges the given sections over the current ones and returns the result. */
    update(patch: { [K in keyof AppSettings]?: Partial<AppSettings[K]> }): AppSettings {
      const current = get();
      const next = AppSettingsSchema.parse({
        tunnel: { ...current.tunnel, ...patch.tunnel },
        retention: { ...current.retention, ...patch.retention },
        notifications: { ...current.notifications, ...patch.notifications },
      });
      db.transaction(() => {
        for (const [section, value] of Object.entries(next)) put.run(section, JSON.stringify(value));
      })();
      return next;
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
