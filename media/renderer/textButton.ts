/** A plain button with a text label (never HTML) and a click handler, as the renderer's panels draw them. */
export function textButton(doc: Document, label: string, className: string, onClick: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}
