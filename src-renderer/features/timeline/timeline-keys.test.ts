import { describe, expect, it } from 'vitest';
import { moveSelection, timelineKey, type KeyLike } from './timeline-keys.js';

const press = (key: string, target: EventTarget | null = document.body, mods: Partial<KeyLike> = {}): ReturnType<typeof timelineKey> =>
  timelineKey({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

describe('timeline keys', () => {
  it('maps j/k, Enter, Escape, / and the jump keys', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 'Escape', '/', 'Home', 'End', 'b'].map((k) => press(k))).toEqual([
      'next', 'next', 'prev', 'prev', 'open', 'close', 'search', 'first', 'last', 'bookmark',
    ]);
    expect(press('x')).toBeNull();
    expect(press('j', document.body, { ctrlKey: true })).toBeNull();
  });

  it('leaves keys alone while typing, inside a menu, or on a button that answers Enter itself', () => {
    const input = document.createElement('input');
    expect(press('j', input)).toBeNull();
    expect(press('/', input)).toBeNull();
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    const item = document.createElement('div');
    menu.append(item);
    expect(press('ArrowDown', item)).toBeNull();
    const button = document.createElement('button');
    expect(press('Enter', button)).toBeNull();
    expect(press('j', button)).toBe('next');
  });

  it('moves the selection within the result', () => {
    expect(moveSelection('next', null, 10, 5)).toBe(0);
    expect(moveSelection('next', 9, 10, 5)).toBe(9);
    expect(moveSelection('prev', 0, 10, 5)).toBe(0);
    expect(moveSelection('prev', 4, 10, 5)).toBe(3);
    expect(moveSelection('pageDown', 3, 10, 5)).toBe(8);
    expect(moveSelection('pageDown', 8, 10, 5)).toBe(9);
    expect(moveSelection('pageUp', 3, 10, 5)).toBe(0);
    expect(moveSelection('first', 7, 1_000_000, 5)).toBe(0);
    expect(moveSelection('last', 7, 1_000_000, 5)).toBe(999_999);
    expect(moveSelection('next', null, 0, 5)).toBeNull();
  });
});
