import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from './applicationMenu';

const actions = { reloadKubeconfig: vi.fn(), openDataFolder: vi.fn() };
const label = (m: MenuItemConstructorOptions) => m.label ?? m.role;
const roles = (m: MenuItemConstructorOptions) => (m.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);

describe('applicationMenuTemplate', () => {
  it('has File, Edit, View, Window, Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = applicationMenuTemplate({ platform, appName: 'Wheelhouse', devTools: false, actions });
      expect(t.map(label)).toEqual(['File', 'Edit', 'View', 'window', 'help']);
      expect(roles(t[0])).toContain('quit');
      expect(roles(t[4])).toContain('about');
    }
  });

  it('puts the app menu first on macOS', () => {
    const t = applicationMenuTemplate({ platform: 'darwin', appName: 'Wheelhouse', devTools: false, actions });
    expect(t.map(label)).toEqual(['Wheelhouse', 'File', 'Edit', 'View', 'window', 'help']);
    expect(roles(t[0])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(t[4])).toContain('front');
  });

  it('uses the standard edit and view roles (their shortcuts come with them)', () => {
    const t = applicationMenuTemplate({ platform: 'linux', appName: 'Wheelhouse', devTools: false, actions });
    expect(roles(t[1])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles(t[2])).toEqual(['reload', 'forceReload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('offers DevTools only when enabled', () => {
    const t = applicationMenuTemplate({ platform: 'linux', appName: 'Wheelhouse', devTools: true, actions });
    expect(roles(t[2])).toContain('toggleDevTools');
  });

  it('wires the File actions', () => {
    const t = applicationMenuTemplate({ platform: 'linux', appName: 'Wheelhouse', devTools: false, actions });
    const file = t[0].submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.label === 'Reload Kubeconfig')!.click as () => void)();
    (file.find((i) => i.label === 'Open Data Folder')!.click as () => void)();
    expect(actions.reloadKubeconfig).toHaveBeenCalledTimes(1);
    expect(actions.openDataFolder).toHaveBeenCalledTimes(1);
  });
});
