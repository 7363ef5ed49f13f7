/**
 * DOM helpers for the webviews: elements whose text is always set as text (never parsed as HTML, as NetSuite and CSV
 * values must be), and codicons as decoration that screen readers skip.
 */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A codicon (from the page's codicon.css); the text beside it says the same thing in words. */
export function icon(name: string, extraClass = ''): HTMLElement {
  return el('span', { class: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, 'aria-hidden': 'true' });
}
