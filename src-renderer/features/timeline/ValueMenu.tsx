import * as Menu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import type { FilterListField } from '../../../src-shared/domain/timeline-filter.js';
import { fieldLabels, type Side } from './filter-edit.js';

export type Pivot = (field: FilterListField, value: string, side: Side) => void;

export interface ValueTarget {
  field: FilterListField;
  value: string;
  /** The button that asked, for placing the menu and for focus to return to. */
  element: HTMLElement;
}

/** Opens the one value menu of the page for a value shown somewhere (a table cell). */
export type OpenValueMenu = (target: ValueTarget) => void;

/**
 * A value as a handle: a plain button that opens the page's value menu. One menu serves every
 * cell, so a screen of rows costs a screen of buttons, not a menu per cell.
 */
export function ValueButton({ field, value, display, mono = false, onOpen }: { field: FilterListField; value: string; display?: string; mono?: boolean; onOpen: OpenValueMenu }) {
  return (
    <button
      type="button"
      className={`value-handle${mono ? ' mono' : ''}`}
      aria-haspopup="menu"
      aria-label={`${fieldLabels[field]} ${value}: actions`}
      title={display && display !== value ? `${display} (${value})` : value}
      onClick={(e) => {
        e.stopPropagation();
        onOpen({ field, value, element: e.currentTarget });
      }}
    >
      {display ?? value}
    </button>
  );
}

/**
 * The value menu: filter on the value, exclude it, or copy it. Radix supplies focus and keys;
 * it is anchored on an invisible trigger placed over the button that opened it. Non-modal: a
 * modal menu locks scrolling with an injected <style>, which the CSP refuses.
 */
export function ValueMenuHost({ target, onClose, onPivot }: { target: ValueTarget | null; onClose(): void; onPivot: Pivot }) {
  const [copyProblem, setCopyProblem] = useState<string | null>(null);
  const rect = target?.element.getBoundingClientRect();
  const what = target ? fieldLabels[target.field] : '';
  return (
    <>
      <Menu.Root open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())} modal={false}>
        <Menu.Trigger asChild>
          <span
            className="menu-anchor"
            aria-hidden="true"
            style={rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : { left: 0, top: 0, width: 0, height: 0 }}
          />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            className="menu"
            sideOffset={2}
            align="start"
            onCloseAutoFocus={(e) => {
              // Back to the value's own button, not the invisible anchor.
              e.preventDefault();
              if (target?.element.isConnected) target.element.focus();
            }}
          >
            {target ? (
              <>
                <Menu.Label className="menu-label">
                  {what} <span className="mono">{target.value}</span>
                </Menu.Label>
                <Menu.Item className="menu-item" onSelect={() => onPivot(target.field, target.value, 'include')}>
                  Filter on this {what.toLowerCase()}
                </Menu.Item>
                <Menu.Item className="menu-item" onSelect={() => onPivot(target.field, target.value, 'exclude')}>
                  Exclude this {what.toLowerCase()}
                </Menu.Item>
                <Menu.Separator className="menu-separator" />
                <Menu.Item
                  className="menu-item"
                  onSelect={() => {
                    const value = target.value;
                    setCopyProblem(null);
                    if (!navigator.clipboard) setCopyProblem('This browser does not allow copying from the page; select the value in the event panel instead.');
                    else void navigator.clipboard.writeText(value).catch((e: unknown) => setCopyProblem(`The value was not copied: ${e instanceof Error ? e.message : String(e)}`));
                  }}
                >
                  Copy value
                </Menu.Item>
              </>
            ) : null}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {copyProblem ? (
        <p role="alert" className="alert alert-error">
          {copyProblem}
        </p>
      ) : null}
    </>
  );
}
