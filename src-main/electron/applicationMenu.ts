// The native application menu as a template (plain data): File, Edit, View, Window, Help, with
// Electron's standard roles so shortcuts and platform behaviour come for free. On macOS the app menu
// comes first, as the platform expects.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  reloadKubeconfig(): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Show "Toggle Developer Tools" (development builds only). */
  devTools: boolean;
  actions: MenuActions;
}

export function applicationMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: o.appName,
      submenu: [
        { role: 'about' }, sep, { role: 'services' }, sep,
        { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      { label: 'Reload Kubeconfig', click: () => o.actions.reloadKubeconfig() },
      { label: 'Open Data Folder', click: () => o.actions.openDataFolder() },
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, sep,
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' }, sep, { role: 'selectAll' },
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      { role: 'reload' }, { role: 'forceReload' },
      ...(o.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      sep,
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep,
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }, sep, { role: 'window' }]
      : [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }],
  });
  template.push({
    role: 'help',
    submenu: [
      ...(mac ? [] : [{ role: 'about' } as const, sep]),
      { label: 'Open Data Folder', click: () => o.actions.openDataFolder() },
    ],
  });
  return template;
}
