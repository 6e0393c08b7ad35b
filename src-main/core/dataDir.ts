import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron calls userData for "Wheelhouse", so serve mode and the app share prefs. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.WHEELHOUSE_DATA_DIR) return env.WHEELHOUSE_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Wheelhouse');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Wheelhouse');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Wheelhouse');
}
