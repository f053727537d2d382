/** Bring a table row (by its rowKey) into view once the page holding it has rendered. */
export function scrollRowIntoView(key: string | number): void {
  setTimeout(() => {
    const row = document.querySelector(`tr[data-row-key="${CSS.escape(String(key))}"]`);
    if (row) row.scrollIntoView({ block: 'nearest' });
  }, 30);
}
