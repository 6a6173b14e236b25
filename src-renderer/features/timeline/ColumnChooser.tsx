import * as Menu from '@radix-ui/react-dropdown-menu';
import type { VisibilityState } from '@tanstack/react-table';
import { columnNames } from './columns.js';

/** Shows or hides table columns; Time and the bookmark star always stay. */
export function ColumnChooser({ visibility, onChange }: { visibility: VisibilityState; onChange(next: VisibilityState): void }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger className="button">Columns</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4}>
          <Menu.Label className="menu-label">Columns shown</Menu.Label>
          {Object.entries(columnNames).map(([id, name]) => (
            <Menu.CheckboxItem
              key={id}
              className="menu-item menu-check"
              checked={visibility[id] !== false}
              // Keep the menu open so several columns can be switched in one go.
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(checked) => onChange({ ...visibility, [id]: checked === true })}
            >
              <Menu.ItemIndicator className="menu-indicator">✓</Menu.ItemIndicator>
              {name}
            </Menu.CheckboxItem>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
