/**
 * A small context menu for the grid (right-click, Shift+F10 or the Menu key): a list of actions, arrow keys to move,
 * Enter to run, Escape to close. Labels are text. It closes on any click outside it.
 */
export interface MenuItem {
  label: string;
  run(): void;
}

export class ContextMenu {
  readonly root: HTMLElement;
  private readonly closeOnOutsideClick = new AbortController();

  constructor(
    private readonly doc: Document,
    items: readonly MenuItem[],
    private readonly onClose: () => void,
  ) {
    this.root = doc.createElement('div');
    this.root.className = 'sl-grid-menu';
    this.root.setAttribute('role', 'menu');
    for (const item of items) {
      const entry = doc.createElement('button');
      entry.type = 'button';
      entry.className = 'sl-grid-menu-item';
      entry.setAttribute('role', 'menuitem');
      entry.textContent = item.label;
      entry.addEventListener('click', () => {
        this.close();
        item.run();
      });
      this.root.append(entry);
    }
    this.root.addEventListener('keydown', (event) => this.onKey(event));
    doc.addEventListener('mousedown', (event) => {
      if (!this.root.contains(event.target as Node)) this.close();
    }, { signal: this.closeOnOutsideClick.signal, capture: true });
  }

  /** Shows the menu at a point inside `container` (coordinates relative to it) and focuses its first item. */
  open(container: HTMLElement, x: number, y: number): void {
    this.root.style.left = `${Math.max(0, x)}px`;
    this.root.style.top = `${Math.max(0, y)}px`;
    container.append(this.root);
    this.items()[0]?.focus();
  }

  close(): void {
    if (!this.root.isConnected) return;
    this.closeOnOutsideClick.abort();
    this.root.remove();
    this.onClose();
  }

  private items(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('.sl-grid-menu-item')];
  }

  private onKey(event: KeyboardEvent): void {
    const items = this.items();
    const current = items.indexOf(this.doc.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') items[(current + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(current - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Escape') this.close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
}
